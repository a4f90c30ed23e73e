import pytest

from django.contrib.auth.models import Group

from accounts.models import Organisation, Province
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_all_77_provinces_are_loaded_in_thai_and_english():
    assert Province.objects.count() == 77
    khon_kaen = Province.objects.get(code="TH-40")
    assert (khon_kaen.name_th, khon_kaen.name_en) == ("ขอนแก่น", "Khon Kaen")
    assert Province.objects.get(name_en="Bangkok").name_th == "กรุงเทพมหานคร"


def test_the_three_roles_exist_with_admin_access_for_staff():
    coordinator = Group.objects.get(name="Coordinator")
    facilitator = Group.objects.get(name="Facilitator")
    learner = Group.objects.get(name="Learner")
    assert coordinator.permissions.filter(codename="access_admin").exists()
    assert coordinator.permissions.filter(codename="add_organisation").exists()
    assert facilitator.permissions.filter(codename="access_admin").exists()
    assert not learner.permissions.filter(codename="access_admin").exists()


def test_thai_names_put_the_title_against_the_first_name():
    person = UserFactory(title_prefix="รศ.ดร.", first_name="ธีรวัฒน์", last_name="เมืองไทย")
    assert person.full_name_th == "รศ.ดร.ธีรวัฒน์ เมืองไทย"
    person.title_prefix_en, person.first_name_en, person.last_name_en = (
        "Dr",
        "Theerawat",
        "Muangthai",
    )
    assert person.full_name_en == "Dr Theerawat Muangthai"


def test_coordinators_manage_organisations_in_the_admin(client):
    coordinator = UserFactory(roles=["Coordinator"])
    client.force_login(coordinator)
    response = client.get("/admin/organisations/")
    assert response.status_code == 200
    khon_kaen = Province.objects.get(code="TH-40")
    response = client.post(
        "/admin/organisations/new/",
        {
            "name_th": "เทศบาลเมืองชุมแพ",
            "name_en": "Chum Phae Town Municipality",
            "kind": "town",
            "province": khon_kaen.pk,
        },
    )
    assert response.status_code == 302
    assert Organisation.objects.get(name_th="เทศบาลเมืองชุมแพ").is_local_government


def test_learners_cannot_open_the_organisation_admin(client, learner):
    client.force_login(learner)
    assert client.get("/admin/organisations/").status_code == 403  # the admin-door page
