"""A coordinator chooses a cohort's certificate template; issued certificates keep theirs."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from certificates import services
from certificates.models import Certificate, CertificateTemplate, CohortCertificateSettings
from tests.certificates.factories import CertificateTemplateFactory, SignatoryFactory

pytestmark = pytest.mark.django_db
BASE = "/admin/issued-certificates"
SPECIAL_WORDING = "completed the special municipal leadership track"


@pytest.fixture
def special(db):
    """A second, non-default template with wording no other template has."""
    special = CertificateTemplateFactory(
        name="พมส. รุ่นพิเศษ", is_default=False, body_en=SPECIAL_WORDING
    )
    SignatoryFactory(template=special)
    return special


def _text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def _choose(client, cohort, value, **kwargs):
    return client.post(f"{BASE}/cohort/{cohort.pk}/template/", {"template": value}, **kwargs)


def _message_levels(response) -> list[str]:
    return [message.level_tag for message in response.context["messages"]]


# --- who may change it ---------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client, cohort, special):
    response = _choose(client, cohort, special.pk)
    assert response.status_code == 302 and "login" in response["Location"]
    assert not CohortCertificateSettings.objects.exists()


@pytest.mark.parametrize("who", ["learner", "other_learner"])
def test_learners_meet_the_admin_door(client, cohort, special, request, who):
    """A signed-in learner gets the 'admin is for programme staff' page, not a login loop."""
    client.force_login(request.getfixturevalue(who))
    response = _choose(client, cohort, special.pk)
    assert response.status_code == 403
    assert not CohortCertificateSettings.objects.exists()


def test_a_facilitator_is_sent_to_the_admin_home(client, cohort, special, facilitator):
    """Wagtail turns a staff member's refusal into a redirect to the admin home."""
    client.force_login(facilitator)
    response = _choose(client, cohort, special.pk)
    assert response.status_code == 302 and response["Location"].startswith("/admin/")
    assert not CohortCertificateSettings.objects.exists()


def test_a_facilitators_background_request_is_forbidden(client, cohort, special, facilitator):
    client.force_login(facilitator)
    response = _choose(client, cohort, special.pk, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403
    assert not CohortCertificateSettings.objects.exists()


def test_the_coordinator_changes_the_template_with_a_message(
    client, coordinator, cohort, template, special
):
    client.force_login(coordinator)
    response = _choose(client, cohort, special.pk, follow=True)
    assert response.redirect_chain == [(f"{BASE}/cohort/{cohort.pk}/", 302)]
    assert CohortCertificateSettings.objects.get(cohort=cohort).template == special
    assert _message_levels(response) == ["success"]
    html = response.content.decode()
    assert f"{BASE}/template/{special.pk}/preview/" in html
    assert f'<option value="{special.pk}" selected>' in html


def test_choosing_nothing_goes_back_to_the_default(client, coordinator, cohort, template, special):
    services.cohort_template_set(cohort=cohort, template=special)
    client.force_login(coordinator)
    assert _choose(client, cohort, "").status_code == 302
    assert not CohortCertificateSettings.objects.exists()
    assert services.template_for(cohort) == template


@pytest.mark.parametrize("value", ["999999", "abc", "1.5", "-1"])
def test_bad_input_is_a_form_error(client, coordinator, cohort, template, special, value):
    client.force_login(coordinator)
    response = _choose(client, cohort, value)
    assert response.status_code == 200
    assert response.context["template_form"].errors["template"]
    assert _message_levels(response) == ["error"]
    assert not CohortCertificateSettings.objects.exists()


def test_the_cohort_page_shows_the_default_template_and_its_preview(
    client, coordinator, cohort, template, special
):
    client.force_login(coordinator)
    html = client.get(f"{BASE}/cohort/{cohort.pk}/").content.decode()
    assert 'id="cohort-template"' in html and template.name in html
    assert f"{BASE}/template/{template.pk}/preview/" in html
    assert f'<option value="{special.pk}">' in html


def test_the_cohort_list_shows_each_cohorts_template_in_a_fixed_number_of_queries(
    client, coordinator, cohort, template, special
):
    from tests.factories import CohortFactory

    services.cohort_template_set(cohort=cohort, template=special)
    CohortFactory()  # on the default template
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as two_cohorts:
        html = client.get(f"{BASE}/").content.decode()
    assert special.name in html and template.name in html
    for _ in range(3):
        services.cohort_template_set(cohort=CohortFactory(), template=special)
    with CaptureQueriesContext(connection) as five_cohorts:
        client.get(f"{BASE}/")
    assert len(five_cohorts) == len(two_cohorts)


# --- issuing with it -----------------------------------------------------------------


def test_issuing_uses_the_cohorts_template(enrolment, cohort, template, special):
    services.cohort_template_set(cohort=cohort, template=special)
    certificate, _ = services.certificate_issue(enrolment=enrolment)
    assert certificate.template == special
    assert certificate.design["template_name"] == special.name
    text = _text(services.certificate_render_pdf(certificate=certificate))
    assert SPECIAL_WORDING in text


def test_without_a_choice_issuing_uses_the_default(enrolment, template, special):
    certificate, _ = services.certificate_issue(enrolment=enrolment)
    assert certificate.template == template
    assert SPECIAL_WORDING not in _text(services.certificate_render_pdf(certificate=certificate))


def test_a_batch_issues_with_the_cohorts_template(
    client, coordinator, cohort, enrolment, template, special, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    _choose(client, cohort, special.pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{BASE}/cohort/{cohort.pk}/issue/")
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.template == special and certificate.pdf
    with certificate.pdf.open("rb") as handle:
        assert SPECIAL_WORDING in _text(handle.read())


def test_a_running_batch_keeps_the_template_it_started_with(cohort, template, special):
    """A coordinator switches the template while the batch is still working."""
    from tests.factories import EnrolmentFactory

    services.cohort_template_set(cohort=cohort, template=special)
    first, second = EnrolmentFactory(cohort=cohort), EnrolmentFactory(cohort=cohort)
    batch = services.batch_start(cohort=cohort)  # queued only: tasks run after commit
    items = {item.enrolment_id: item.pk for item in batch.items.all()}
    services.item_process(item_id=items[first.pk])
    services.cohort_template_set(cohort=cohort, template=None)  # back to the default
    services.item_process(item_id=items[second.pk])
    templates = {c.enrolment_id: c.template for c in Certificate.objects.filter(cohort=cohort)}
    assert templates == {first.pk: special, second.pk: special}
    assert services.template_for(cohort) == template  # the next batch uses the default


def test_switching_templates_leaves_issued_certificates_as_they_were(
    client, coordinator, cohort, certificate, template, special
):
    before = Certificate.objects.values().get(pk=certificate.pk)
    client.force_login(coordinator)
    _choose(client, cohort, special.pk)
    assert Certificate.objects.values().get(pk=certificate.pk) == before
    assert certificate.template == template


def test_a_reissue_keeps_the_old_certificates_template(certificate, cohort, template, special):
    services.cohort_template_set(cohort=cohort, template=special)
    new = services.certificate_reissue(certificate=certificate, reason="แก้ชื่อ")
    assert new.template == template and new.design["template_name"] == template.name


# --- deleting a template -------------------------------------------------------------


def test_a_template_chosen_by_a_cohort_cannot_be_deleted(client, coordinator, cohort, special):
    services.cohort_template_set(cohort=cohort, template=special)
    client.force_login(coordinator)
    confirm = client.get(f"/admin/certificate_templates/delete/{special.pk}/").content.decode()
    assert 'id="template-in-use"' in confirm and "Yes, delete" not in confirm
    response = client.post(f"/admin/certificate_templates/delete/{special.pk}/", follow=True)
    assert response.redirect_chain == [(f"/admin/certificate_templates/edit/{special.pk}/", 302)]
    assert CertificateTemplate.objects.filter(pk=special.pk).exists()
    assert _message_levels(response) == ["error"]


def test_a_template_printed_on_certificates_cannot_be_deleted(client, coordinator, certificate):
    client.force_login(coordinator)
    response = client.post(f"/admin/certificate_templates/delete/{certificate.template_id}/")
    assert response.status_code == 302
    assert CertificateTemplate.objects.filter(pk=certificate.template_id).exists()


def test_an_unused_template_can_be_deleted(client, coordinator, template, special):
    client.force_login(coordinator)
    response = client.post(f"/admin/certificate_templates/delete/{special.pk}/")
    assert response.status_code == 302
    assert not CertificateTemplate.objects.filter(pk=special.pk).exists()


def test_the_service_explains_why_a_template_in_use_stays(certificate, cohort):
    services.cohort_template_set(cohort=cohort, template=certificate.template)
    with translation.override("en"), pytest.raises(services.CertificateError) as refused:
        services.template_delete(template=certificate.template)
    assert "cohorts using it: 1; certificates issued with it: 1" in str(refused.value)
