import pytest

from accounts.models import User
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_admin_user_form_carries_the_profile_fields(admin_client):
    page = admin_client.get("/admin/users/new/").content.decode()
    for field in ("title_prefix", "first_name_en", "position", "organisation", "phone"):
        assert f'name="{field}"' in page


def test_an_administrator_creates_a_person_with_a_thai_profile(admin_client):
    organisation = OrganisationFactory()
    response = admin_client.post(
        "/admin/users/new/",
        {
            "email": "mayor@example.org",
            "first_name": "ประยุทธ",
            "last_name": "ทองคำ",
            "title_prefix": "นาย",
            "title_prefix_en": "Mr",
            "first_name_en": "Prayut",
            "last_name_en": "Thongkham",
            "position": "นายกเทศมนตรี",
            "organisation": organisation.pk,
            "phone": "0899999999",
            "password1": "A-strong-Passw0rd!",
            "password2": "A-strong-Passw0rd!",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="mayor@example.org")
    assert person.full_name_th == "นายประยุทธ ทองคำ"
    assert person.organisation == organisation


@pytest.mark.parametrize("field", ["first_name", "last_name", "first_name_en"])
def test_the_admin_refuses_a_name_with_a_direction_override(admin_client, field):
    values = {
        "email": "mayor@example.org",
        "first_name": "ประยุทธ",
        "last_name": "ทองคำ",
        "password1": "A-strong-Passw0rd!",
        "password2": "A-strong-Passw0rd!",
    }
    values[field] = "Prayut\u202eLTR"
    response = admin_client.post("/admin/users/new/", values)
    assert response.status_code == 200
    assert "U+202E" in response.content.decode()
    assert not User.objects.filter(email="mayor@example.org").exists()
