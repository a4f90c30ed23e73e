"""One set of real objects for the authorization matrix: every URL parameter comes from here.

The learner owns everything a URL can point at (their enrolment, team work, attendance,
certificate, calendar feed); the other learner is in another cohort; the facilitator
facilitates the learner's session and advises the learner's team; the coordinator runs it all.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Site

from accounts.consent import Purpose, consent_record
from accounts.roles import COORDINATOR, FACILITATOR
from attendance.models import CheckInSettings, CompletionRule
from cohorts.completion import CheckResult, override_checks
from cohorts.models import PublicHoliday
from tests.assignments.factories import AssignmentFactory, pdf_bytes, png_bytes, upload
from tests.attendance.factories import AttendanceRecordFactory, session_now
from tests.certificates.factories import CertificateTemplateFactory, SignedSignatoryFactory
from tests.curriculum.factories import FacilitatorFactory, build_site
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
    VenueFactory,
)

ROLES = ["anonymous", "learner", "other_learner", "facilitator", "coordinator"]
# Written into the other cohort's private names (a team, a learner, an assignment; cohort and
# session titles are public): nobody but its own learner and coordinators reads them.
SECRET = "ลับเฉพาะรุ่นอื่น"


@dataclass
class World:
    people: dict[str, Any] = field(default_factory=dict)
    objects: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def _eligible(enrolments):
    return {e.pk: CheckResult("authz", True, "eligible") for e in enrolments}


def _people(world: World) -> None:
    cohort = CohortFactory(slug="cohort-authz")
    other_cohort = CohortFactory(slug="cohort-authz-other")
    facilitator = UserFactory(roles=[FACILITATOR])
    team = TeamFactory(cohort=cohort, advisor=facilitator)
    enrolment = EnrolmentFactory(cohort=cohort, team=team)
    other_enrolment = EnrolmentFactory(
        cohort=other_cohort,
        team=TeamFactory(cohort=other_cohort, name=f"ทีม{SECRET}"),
        user=UserFactory(roles=["Learner"], first_name=f"ผู้เรียน{SECRET}"),
    )
    other_assignment = AssignmentFactory(
        cohort=other_cohort, title_th=f"งาน{SECRET}", title_en=f"Work {SECRET}"
    )
    world.people.update(
        anonymous=None,
        learner=enrolment.user,
        other_learner=other_enrolment.user,
        facilitator=facilitator,
        coordinator=UserFactory(roles=[COORDINATOR]),
    )
    world.objects.update(
        cohort=cohort,
        other_cohort=other_cohort,
        team=team,
        enrolment=enrolment,
        other_enrolment=other_enrolment,
        other_team=other_enrolment.team,
        other_assignment=other_assignment,
    )
    # Listed in the directory (issue 20), so each learner's card answers to those who may see it
    for listed in (enrolment, other_enrolment):
        consent_record(user=listed.user, decisions={Purpose.DIRECTORY_LISTED: True})


def _teaching(world: World) -> None:
    session = session_now(world.cohort)
    session.facilitators.add(world.people["facilitator"])
    record = AttendanceRecordFactory(enrolment=world.enrolment, session=session)
    record.excuse_document.save("excuse.pdf", ContentFile(pdf_bytes()), save=True)
    world.objects.update(
        session=session,
        record=record,
        venue=session.venue,
        holiday=PublicHoliday.objects.first(),
        rule=CompletionRule.objects.create(cohort=world.cohort),
        check_in_settings=CheckInSettings.objects.create(session=session),
    )


def _work(world: World) -> None:
    from assignments import services

    learner, facilitator = world.people["learner"], world.people["facilitator"]
    assignment = AssignmentFactory(cohort=world.cohort)
    version = services.submission_submit(
        assignment=assignment, user=learner, files=[upload("แผน.pdf", pdf_bytes())]
    )
    review = services.review_record(
        submission=version.submission,
        reviewer=facilitator,
        feedback="ปรับปรุงอีกนิด",
        decision="returned",
        levels={c.id: 1 for c in assignment.criteria},
        file=upload("ความเห็น.pdf", pdf_bytes()),
        notify=False,
    )
    extension = services.extension_grant(
        assignment=assignment,
        team=world.team,
        due_at=timezone.now() + dt.timedelta(days=14),
        granted_by=world.people["coordinator"],
        reason="น้ำท่วม",
    )
    world.objects.update(
        assignment=assignment,
        submission=version.submission,
        version_file=version.files.get(),
        review=review,
        extension=extension,
    )


def _certificates(world: World) -> None:
    from certificates import services
    from certificates.keys import signing_material
    from cohorts.services.feeds import calendar_token_for

    template = CertificateTemplateFactory()
    signatory = SignedSignatoryFactory(template=template)
    with override_checks(_eligible):
        certificate, _created = services.certificate_issue(enrolment=world.enrolment)
        batch = services.batch_start(cohort=world.cohort)
    world.objects.update(
        template=template,
        signatory=signatory,
        certificate=certificate,
        batch=batch,
        calendar_token=calendar_token_for(user=world.people["learner"]).token,
        key_id=signing_material().public_jwks()[0]["kid"],
    )


def _site(world: World) -> None:
    pages = build_site()
    pages["programme"].save_revision()
    collection = Collection.get_first_root_node().add_child(name="เอกสารทดสอบ")
    document = Document.objects.create(title="คู่มือ", file=ContentFile(b"%PDF-1.4", "guide.pdf"))
    image = Image.objects.create(title="ภาพ", file=ContentFile(png_bytes(), "photo.png"))
    world.objects.update(
        home=pages["home"],
        page=pages["programme"],
        collection=collection,
        document=document,
        image=image,
        redirect=Redirect.objects.create(old_path="/old-path", redirect_link="/"),
        locale=Locale.objects.get(language_code="th"),
        site=Site.objects.get(is_default_site=True),
        organisation=OrganisationFactory(),
        venue_spare=VenueFactory(),
        speaker=FacilitatorFactory(),
    )


def _learning(world: World) -> None:
    """A material of the learner's session, an announcement to the learner's cohort (with an
    attachment) and an open programme evaluation of the learner's cohort."""
    from evaluations.models import Evaluation, EvaluationTemplate
    from learning.models import Announcement, Material
    from learning.services import announcement_publish, material_save
    from tests.evaluations.conftest import add_questions

    def pdf(name):
        return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")

    coordinator = world.people["coordinator"]
    material = Material(session=world.session, title_th="สไลด์", kind=Material.Kind.SLIDES)
    announcement = Announcement(cohort=world.cohort, title_th="ประกาศ", body_th="เลื่อนห้อง")
    evaluation = Evaluation.objects.create(
        cohort=world.cohort,
        title_th="ประเมินหลักสูตร",
        opens_at=timezone.now() - dt.timedelta(hours=1),
        days_open=7,
    )
    add_questions(evaluation)
    world.objects.update(
        material=material_save(
            material=material, by=world.people["facilitator"], upload=pdf("ส.pdf")
        ),
        announcement=announcement_publish(
            announcement=announcement, by=coordinator, upload=pdf("ประกาศ.pdf")
        ),
        evaluation=evaluation,
        evaluation_template=EvaluationTemplate.objects.create(name_th="แบบประเมินครั้งที่"),
    )


def _other_cohort(world: World) -> None:
    """The other cohort's own teaching and work, run by another facilitator: a session with
    a record, a material, an announcement, an evaluation, a reviewed submission and an
    extension. The facilitator of the learner's cohort opens none of them by its id
    (test_matrix.py::test_a_facilitator_cannot_open_another_cohorts_object_by_id)."""
    from assignments import services
    from evaluations.models import Evaluation
    from learning.models import Announcement, Material
    from learning.services import announcement_publish, material_save

    o, coordinator = world.objects, world.people["coordinator"]
    other_facilitator = UserFactory(roles=[FACILITATOR])
    o["other_team"].advisor = other_facilitator
    o["other_team"].save()
    session = session_now(o["other_cohort"])
    session.facilitators.add(other_facilitator)
    record = AttendanceRecordFactory(enrolment=o["other_enrolment"], session=session)
    record.excuse_document.save("excuse.pdf", ContentFile(pdf_bytes()), save=True)
    version = services.submission_submit(
        assignment=o["other_assignment"],
        user=world.people["other_learner"],
        files=[upload("แผน.pdf", pdf_bytes())],
    )
    review = services.review_record(
        submission=version.submission,
        reviewer=other_facilitator,
        feedback=f"ความเห็น{SECRET}",
        decision="returned",
        levels={c.id: 1 for c in o["other_assignment"].criteria},
        file=upload("ความเห็น.pdf", pdf_bytes()),
        notify=False,
    )
    material = Material(session=session, title_th=f"สไลด์{SECRET}", kind=Material.Kind.SLIDES)
    announcement = Announcement(
        cohort=o["other_cohort"], title_th=f"ประกาศ{SECRET}", body_th=f"ห้อง{SECRET}"
    )
    o.update(
        other_session=session,
        other_record=record,
        other_submission=version.submission,
        other_version_file=version.files.get(),
        other_review=review,
        other_extension=services.extension_grant(
            assignment=o["other_assignment"],
            team=o["other_team"],
            due_at=timezone.now() + dt.timedelta(days=14),
            granted_by=coordinator,
            reason=f"เหตุ{SECRET}",
        ),
        other_material=material_save(
            material=material,
            by=other_facilitator,
            upload=SimpleUploadedFile("ส.pdf", pdf_bytes(), content_type="application/pdf"),
        ),
        other_announcement=announcement_publish(announcement=announcement, by=coordinator),
        other_evaluation=Evaluation.objects.create(
            cohort=o["other_cohort"],
            title_th=f"ประเมิน{SECRET}",
            opens_at=timezone.now() - dt.timedelta(hours=1),
            days_open=7,
        ),
    )


def _rights(world: World) -> None:
    """The learner asked for erasure and has a copy of their data ready (issue 20)."""
    from rights import services

    learner = world.people["learner"]
    erasure, _created = services.erasure_request(user=learner, reason="authz")
    export, _created = services.export_request(user=learner)
    services.export_build(export_id=export.pk)
    export.refresh_from_db()
    world.objects.update(erasure_request=erasure, data_export=export)


def _admissions(world: World) -> None:
    """An open intake of the learner's cohort and one application to it."""
    from tests.admissions.factories import ApplicationFactory, IntakeFactory

    intake = IntakeFactory(cohort=world.cohort)
    world.objects.update(intake=intake, application=ApplicationFactory(intake=intake))


def build_world() -> World:
    world = World()
    from tests.authorization.parameters import add_admin_objects

    steps = (
        _people,
        _teaching,
        _work,
        _learning,
        _other_cohort,
        _admissions,
        _certificates,
        _rights,
        _site,
        add_admin_objects,
    )
    for step in steps:
        step(world)
    return world
