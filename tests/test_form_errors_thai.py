"""Field errors on the Thai site are Thai, for every form the platform offers.

Django's own Thai leaves its validators in English ("Ensure this value has at
most 150 characters (it has 10000)."); config/locale fills those gaps. Each form
is sent everything a person can get wrong (tests/form_payloads.py) with Thai
active, and no message may read as English.
"""

import datetime as dt

import pytest

from django.utils import translation

from accounts.forms import ProfileForm
from assignments import forms as assignment_forms
from attendance import forms as attendance_forms
from certificates import forms as certificate_forms
from cohorts import forms as cohort_forms
from tests.assignments.factories import AssignmentFactory
from tests.conftest import PASSWORD
from tests.factories import EnrolmentFactory, SessionFactory, bangkok_morning
from tests.form_payloads import LONG, errors_of
from tests.thai import english_phrases

pytestmark = pytest.mark.django_db

FORMS = {
    "profile": (ProfileForm, lambda cohort: {}),
    "check-in code": (attendance_forms.CodeForm, lambda cohort: {}),
    "attendance mark": (attendance_forms.MarkForm, lambda cohort: {}),
    "attendance correction": (attendance_forms.CorrectionForm, lambda cohort: {}),
    "attendance import": (
        attendance_forms.ImportForm,
        lambda cohort: {"days": [dt.date(2026, 12, 8), dt.date(2026, 12, 9)]},
    ),
    "attendance import confirm": (attendance_forms.ImportConfirmForm, lambda cohort: {}),
    "submission": (assignment_forms.SubmitForm, lambda cohort: {}),
    "review": (
        assignment_forms.ReviewForm,
        lambda cohort: {"assignment": AssignmentFactory(cohort=cohort)},
    ),
    "verify by code": (certificate_forms.VerifyCodeForm, lambda cohort: {}),
    "verify by upload": (certificate_forms.VerifyUploadForm, lambda cohort: {}),
    "certificate reason": (certificate_forms.ReasonForm, lambda cohort: {}),
    "issue one": (certificate_forms.IssueOneForm, lambda cohort: {}),
    "cohort template": (certificate_forms.CohortTemplateForm, lambda cohort: {}),
    "generate sessions": (cohort_forms.GenerateSessionsForm, lambda cohort: {}),
    "reschedule": (
        cohort_forms.RescheduleForm,
        lambda cohort: {"session": SessionFactory(cohort=cohort, starts_at=bangkok_morning(3))},
    ),
    "invite": (cohort_forms.InviteForm, lambda cohort: {"cohort": cohort}),
    "enrolment import": (cohort_forms.ImportForm, lambda cohort: {}),
    "transfer": (
        cohort_forms.TransferForm,
        lambda cohort: {"enrolment": EnrolmentFactory(cohort=cohort)},
    ),
}
# cohorts' CancelForm and WithdrawForm have one optional note each: nothing to get wrong.


@pytest.mark.parametrize("name", FORMS)
def test_every_error_of_the_form_is_thai(name, cohort):
    form_class, arguments = FORMS[name]
    with translation.override("th"):
        messages = errors_of(form_class, **arguments(cohort))
    assert messages, "the bad input made no error at all"
    assert [m for m in messages if english_phrases(m)] == []


def test_the_too_long_message_says_the_limit_in_thai(learner):
    with translation.override("th"):
        form = ProfileForm(data={"first_name": "ก" * 10000}, instance=learner)
        form.is_valid()
    assert form.errors["first_name"] == ["ข้อความนี้ยาวได้ไม่เกิน 150 ตัวอักษร (ขณะนี้มี 10000 ตัวอักษร)"]


# allauth's forms need a request: post them as a person would, and read the page.
SIGNED_OUT_POSTS = [
    ("/accounts/login/", {"login": "learner@example.org", "password": "wrong"}),
    ("/accounts/login/", {"login": "not-an-email", "password": ""}),
    ("/accounts/password/reset/", {"email": "not-an-email"}),
    ("/accounts/login/code/", {"email": LONG}),
]
SIGNED_IN_POSTS = [
    ("/accounts/password/change/", {"oldpassword": "wrong", "password1": "1234", "password2": "x"}),
    (
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "password", "password2": "password"},
    ),
    (
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "EMAIL", "password2": "EMAIL"},
    ),
    ("/accounts/email/", {"action_add": "", "email": "not-an-email"}),
    ("/accounts/email/", {"action_add": "", "email": LONG + "@example.org"}),
    ("/accounts/reauthenticate/", {"password": "wrong"}),
    ("/me/profile/", {"first_name": LONG, "last_name": "", "phone": LONG}),
]  # fmt: skip


def _errors_on(response) -> list[str]:
    html = response.content.decode()
    assert response.status_code == 200
    assert "errorlist" in html or "alert" in html or "error" in html
    # The English-title field's hint gives English titles as its example.
    return english_phrases(html, allow=("Mr, Mrs, Ms, Dr",))


@pytest.mark.parametrize(("url", "data"), SIGNED_OUT_POSTS)
def test_allauths_errors_before_signing_in_are_thai(client, learner, url, data):
    assert _errors_on(client.post(url, data)) == []


@pytest.mark.parametrize(("url", "data"), SIGNED_IN_POSTS)
def test_errors_on_the_account_forms_are_thai(client, learner, url, data):
    client.force_login(learner)
    data = {key: learner.email if value == "EMAIL" else value for key, value in data.items()}
    assert _errors_on(client.post(url, data)) == []
