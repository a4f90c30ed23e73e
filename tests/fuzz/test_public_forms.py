"""Property-based tests of the public forms and query strings: whatever is typed or uploaded,
the answer is never a server error, and a refused input saves nothing (not half of it)."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from django.core.cache import cache

from assignments.models import SubmissionVersion
from attendance.models import AttendanceRecord
from certificates.models import Certificate
from tests.assignments.factories import AssignmentFactory
from tests.attendance.factories import session_now
from tests.curriculum.factories import build_site
from tests.fuzz.strategies import TRICKY, fuzz, short_text, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    return build_site()


@fuzz
@given(q=text, page=short_text)
@example(q='"', page="1")
@example(q="\x00", page="")
@example(q="ก" * 100_000, page="2")
def test_search_never_fails(client, site, q, page):
    response = client.get("/search/", {"q": q, "page": page})
    assert response.status_code == 200


@fuzz
@given(code=short_text)
@example(code="a/b")
@example(code="\x00")
@example(code="ABCD-EFGH-JKMN")
def test_typing_any_code_to_verify_never_fails(client, code):
    response = client.post("/verify/", {"code": code})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert client.get(response["Location"]).status_code in (200, 404)


@fuzz
@given(code=short_text)
def test_opening_any_verify_link_never_fails(client, code):
    from urllib.parse import quote

    response = client.get(f"/verify/{quote(code, safe='')}/")
    assert response.status_code in (200, 301, 404)


@fuzz
@given(content=st.one_of(st.binary(max_size=2000), st.binary(max_size=2000).map(b"%PDF-".__add__)))
@example(content=b"%PDF-1.7\n%%EOF")
def test_uploading_any_file_to_verify_never_fails(client, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = Certificate.objects.count()
    upload = SimpleUploadedFile("certificate.pdf", content, "application/pdf")
    response = client.post("/verify/", {"file": upload})
    assert response.status_code == 200
    assert Certificate.objects.count() == before  # a verification never makes or changes one


@pytest.fixture
def open_session(cohort, learner):
    return session_now(cohort)


@fuzz
@given(code=st.one_of(short_text, st.text(alphabet="0123456789๐๑๒๓๔๕๖๗๘๙ -", max_size=12)))
@example(code="๑๒๓๔๕๖")
@example(code="\x00" * 6)
def test_typing_any_check_in_code_never_fails_and_records_nothing_wrong(
    client, learner, open_session, code
):
    cache.delete(f"attendance:code-attempts:{learner.pk}")  # every example reaches the check
    client.force_login(learner)
    before = AttendanceRecord.objects.count()
    response = client.post("/attendance/check-in/", {"code": code})
    assert response.status_code in (200, 400)  # the form again (with why), or refused
    assert AttendanceRecord.objects.count() == before  # nobody guessed the session's code


PROFILE_FIELDS = [
    "title_prefix",
    "first_name",
    "last_name",
    "title_prefix_en",
    "first_name_en",
    "last_name_en",
    "position",
    "phone",
]


@fuzz
@given(values=st.fixed_dictionaries({name: short_text for name in PROFILE_FIELDS}))
@example(values=dict.fromkeys(PROFILE_FIELDS, '=HYPERLINK("http://evil.example")'))
@example(values=dict.fromkeys(PROFILE_FIELDS, "\u202eสมชาย\x00"))
def test_any_profile_is_saved_whole_or_refused_whole(client, learner, values):
    client.force_login(learner)
    learner.refresh_from_db()
    saved = {name: getattr(learner, name) for name in PROFILE_FIELDS}
    data = {**values, "organisation": learner.organisation_id or ""}
    response = client.post("/me/profile/", data)
    assert response.status_code in (200, 302)
    learner.refresh_from_db()
    now = {name: getattr(learner, name) for name in PROFILE_FIELDS}
    if response.status_code == 200:  # refused: the form again, and nothing changed
        assert now == saved
    else:  # saved: every field as typed (trimmed), none with NUL or a direction override
        assert now == {name: values[name].strip() for name in PROFILE_FIELDS}
        assert not any(mark in value for value in now.values() for mark in "\x00\u202e")


@pytest.fixture
def assignment(cohort, team, learner):
    return AssignmentFactory(cohort=cohort)


@fuzz
@given(submitted=text, action=st.sampled_from(["submit", "draft", "", "ลบ"]))
@example(submitted="\x00", action="submit")
@example(submitted="ก" * 20_001, action="submit")
def test_any_submission_text_is_handed_in_whole_or_not_at_all(
    client, learner, assignment, submitted, action
):
    client.force_login(learner)
    before = SubmissionVersion.objects.count()
    response = client.post(
        f"/me/assignments/{assignment.pk}/submit/", {"text": submitted, "action": action}
    )
    assert response.status_code in (302, 400)
    versions = SubmissionVersion.objects.count() - before
    if response.status_code == 400 or action != "submit":
        assert versions == 0
    else:
        assert versions == 1
        assert SubmissionVersion.objects.latest("pk").text == submitted.strip()


def test_the_tricky_alphabet_holds_what_broke_forms_before():
    assert {"\x00", '"', "\u202e", "๑"} <= set(TRICKY)
