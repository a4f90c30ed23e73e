import pytest

from cohorts.models import Enrolment

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_cannot_open_a_profile(client):
    response = client.get("/me/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_learner_corrects_their_english_name(client, learner):
    client.force_login(learner)
    assert client.get("/me/profile/").status_code == 200
    response = client.post(
        "/me/profile/",
        {
            "title_prefix": "ว่าที่ร้อยตรี",
            "first_name": learner.first_name,
            "last_name": learner.last_name,
            "title_prefix_en": "Acting Sub Lt.",
            "first_name_en": "Somchai",
            "last_name_en": "Jaidee-Srisuk",
            "position": "นายกเทศมนตรี",
            "organisation": learner.organisation_id,
            "phone": "0812345678",
        },
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.full_name_en == "Acting Sub Lt. Somchai Jaidee-Srisuk"
    assert learner.full_name_th.startswith("ว่าที่ร้อยตรี")


def test_changing_position_keeps_the_enrolment_snapshot(client, learner):
    client.force_login(learner)
    enrolment = Enrolment.objects.get(user=learner)
    client.post(
        "/me/profile/",
        {
            "first_name": learner.first_name,
            "last_name": learner.last_name,
            "position": "อดีตนายกเทศมนตรี",
            "organisation": "",
        },
    )
    enrolment.refresh_from_db()
    assert enrolment.position_snapshot == "นายกเทศมนตรี"


def test_a_person_cannot_edit_someone_else(client, learner, other_learner):
    client.force_login(other_learner)
    client.post("/me/profile/", {"first_name": "แก้", "last_name": "ชื่อ"})
    learner.refresh_from_db()
    assert learner.first_name != "แก้"


@pytest.mark.parametrize("bad", ["สมชาย\u202eLTR", "สมชาย😀", "=HYPERLINK(1)", "สม\u200bชาย"])
def test_a_name_the_certificate_cannot_print_is_refused_in_thai_and_nothing_saved(
    client, learner, bad
):
    client.force_login(learner)
    response = client.post(
        "/me/profile/",
        {"first_name": bad, "last_name": learner.last_name, "position": "นายก"},
    )
    assert response.status_code == 200
    assert "เกียรติบัตร" in response.content.decode() or "ขึ้นต้น" in response.content.decode()
    learner.refresh_from_db()
    assert learner.first_name != bad and learner.position != "นายก"
