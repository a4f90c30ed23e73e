import pytest

from accounts.models import Province

pytestmark = pytest.mark.django_db


def test_provinces_are_listed_in_thai_dictionary_order():
    names = list(Province.objects.values_list("name_th", flat=True))
    assert len(names) == 77
    # เชียงใหม่ sorts among the ช (after ฉะเชิงเทรา, before ตรัง), not after ฮ.
    assert names.index("ฉะเชิงเทรา") < names.index("เชียงใหม่") < names.index("ตรัง")
    assert names[-1] != "แพร่"
    assert names[0] == "กระบี่"


def test_organisation_province_choices_follow_the_same_order():
    from accounts.models import Organisation

    field = Organisation._meta.get_field("province").formfield()
    labels = [label for _value, label in field.choices if _value]
    assert labels.index("เชียงใหม่") < labels.index("ตรัง")
