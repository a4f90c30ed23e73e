"""Which real object each URL parameter names, so each request reaches the view itself.

`<int:pk>` means a different model under each admin prefix (the longest prefix wins);
every other parameter has one meaning wherever it appears. A parameter with no value here
fails the matrix with the route, so a new URL's objects get added to the world.
"""

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import Locale, Task, Workflow

from attendance import tokens
from tests.authorization.world import World

MISSING_ID = 999999  # for uploads and keys nobody has: the view must still answer, not crash

# prefix -> the world object whose pk <int:pk> (or <str:pk>) names
PK_BY_PREFIX = {
    "admin/cohorts/cohorts/": "cohort",
    "admin/cohorts/sessions/": "session",
    "admin/cohorts/enrolments/": "enrolment",
    "admin/cohorts/teams/": "team",
    "admin/cohorts/venues/": "venue",
    "admin/cohorts/holidays/": "holiday",
    "admin/completion_rules/": "rule",
    "admin/check_in_settings/": "check_in_settings",
    "admin/assignments/": "assignment",
    "admin/assignment_extensions/": "extension",
    "admin/assignment_submissions/": "submission",
    "admin/certificate_templates/": "template",
    "admin/organisations/": "organisation",
    "admin/attendance/session/": "session",
    "admin/attendance/record/": "record",
    "admin/attendance/cohort/": "cohort",
    "admin/users/": "learner_user",
    "admin/groups/": "group",
    "admin/locales/": "locale",
    "admin/sites/": "site",
    "admin/collections/": "collection",
    "admin/workflows/tasks/": "task",
    "admin/workflows/": "workflow",
    "admin/snippets/cms/menuitem/": "menu_item",
    "admin/snippets/cms/footertext/": "footer",
    "admin/snippets/curriculum/facilitator/": "speaker",
    "admin/snippets/curriculum/partner/": "partner",
    "admin/snippets/choose/cms/menuitem/": "menu_item",
    "admin/snippets/choose/cms/footertext/": "footer",
    "admin/snippets/choose/curriculum/facilitator/": "speaker",
    "admin/snippets/choose/curriculum/partner/": "partner",
    "admin/api/main/^pages/": "page",
    "admin/api/main/^documents/": "document",
    "admin/api/main/^images/": "image",
    "admin/documents/": "document",
    "admin/images/": "image",
    "admin/pages/": "page",
    "accounts/2fa/webauthn/": "missing",
    "admin/settings/": "missing",
    "admin/evaluation/": "evaluation",
    "admin/evaluationtemplate/": "evaluation_template",
    "admin/evaluations/results/": "evaluation",
    "admin/evaluations/cohort/": "cohort",
    "admin/evaluations/facilitator/": "facilitator_user",
    "admin/materials/": "material",
    "admin/announcements/": "announcement",
    "admin/learning/material/": "material",
    "admin/learning/announcement/": "announcement",
    "admin/stuck-work/": "missing",
    "admin/personal-data/erasures/": "erasure_request",
    "admin/localize/api/snippets/": "menu_item",
    "admin/localize/submit/snippet/": "menu_item",
    "me/evaluations/": "evaluation",
    "admin/admissions/intake/": "intake",
    "admin/admissions/intakes/": "intake",
    "admin/admissions/application/": "application",
    "apply/": "intake",
    "me/materials/": "material",
    "me/announcements/": "announcement",
    "me/assignments/": "assignment",
    "review/": "submission",
    "files/submissions/": "version_file",
    "files/reviews/": "review",
}


def _pk(route: str, objects: dict) -> int | None:
    for prefix in sorted(PK_BY_PREFIX, key=len, reverse=True):
        if route.startswith(prefix):
            return objects[PK_BY_PREFIX[prefix]].pk
    return None


def check_in_token(session) -> str:
    return tokens.make_token(session.pk, timezone.localtime(session.starts_at).date())


class _Missing:
    pk = MISSING_ID


def values_for(route: str, world: World) -> dict:
    """Every parameter value for this route (pk by prefix, the rest by name)."""
    o = world.objects
    values = {
        "cohort_id": o["cohort"].pk,
        "session_id": o["session"].pk,
        "enrolment_id": o["enrolment"].pk,
        "enrolment": o["enrolment"].pk,
        "batch_id": o["batch"].pk,
        "certificate_id": o["certificate"].pk,
        "template_id": o["template"].pk,
        "signatory_id": o["signatory"].pk,
        "action": "revoke",
        "slug": o["cohort"].slug,
        "user_id": world.people["learner"].pk,
        "verification_id": o["certificate"].verification_id,
        "code": o["certificate"].verification_id,
        "cohort_number": o["cohort"].number,
        "kind": "svg",
        "kid": o["key_id"],
        "page_id": o["page"].pk,
        "page_pk": o["page"].pk,
        "parent_page_id": o["home"].pk,
        "page_to_move_id": o["page"].pk,
        "destination_id": o["home"].pk,
        "revision_id": o["page"].latest_revision_id,
        "image_id": o["image"].pk,
        "document_id": o["document"].pk,
        "doc_id": o["document"].pk,
        "redirect_id": o["redirect"].pk,
        "collection_id": o["collection"].pk,
        "uploaded_file_id": MISSING_ID,
        "restriction_id": MISSING_ID,
        "page_view_restriction_id": MISSING_ID,
        "workflow_state_id": MISSING_ID,
        "task_state_id": MISSING_ID,
        "task_id": o["task"].pk,
        "workflow_pk": o["workflow"].pk,
        "session_id_editing": MISSING_ID,
        "app_label": "cohorts",
        "model_name": "venue",
        "app_name": "cohorts",
        "content_type_app_name": "cms",
        "content_type_model_name": "standardpage",
        "action_name": "approve",
        "object_id": o["venue"].pk,
        "filter_spec": "original",
        "uidb64": "MQ",
        "uidb36": "1",
        "key": "not-a-real-key",
    }
    if "token" in route:  # a check-in token is fresh for a minute: made at request time
        values["token"] = (
            o["calendar_token"] if route.startswith("calendar/") else check_in_token(o["session"])
        )
    if route.startswith("me/data/exports/"):
        values["token"] = o["data_export"].token
    if route.startswith("admin/editing-sessions/"):
        values["session_id"] = MISSING_ID
    if route.startswith("admin/workflows/tasks/add/"):
        values.update(app_label="wagtailcore", model_name="groupapprovaltask")
    if route.startswith("admin/snippets/") or route.startswith("admin/translation/"):
        values.update(app_label="cms", model_name="menuitem", pk=o["menu_item"].pk)
    if route.startswith("admin/stuck-work/"):
        values["kind"] = "session-notice"
    if route.startswith("admin/localize/"):
        values.update(app_label="cms", model_name="menuitem", mode="default", **o["localize"])
    if route.startswith("admin/settings/"):
        values.update(app_name="cms", model_name="menuitem")
    pk = _pk(route, o)
    if pk is not None:
        values["pk"] = pk
    return values


def samples(world: World) -> dict[str, str]:
    """Addresses for the regex routes, which have no parameters to fill in."""
    o = world.objects
    page = o["page"]
    return {
        "admin/pages/^(\\d+)/revisions/compare/(live|earliest|\\d+)\\.\\.\\.(live|latest|\\d+)/$": (
            f"admin/pages/{page.pk}/revisions/compare/earliest...live/"
        ),
        "admin/^.*/$": "admin/no-such-screen/",
        "documents/^(\\d+)/(.*)$": f"documents/{o['document'].pk}/guide.pdf",
        "accounts/^confirm-email/(?P<key>[-:\\w]+)/$": "accounts/confirm-email/not-a-key/",
        "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": (
            "accounts/password/reset/key/1-not-a-key/"
        ),
        "^((?:[^/]+/)*(?:[^/]+\\.pdf)?)$": f"{page.slug}/",
    }


def add_admin_objects(world: World) -> None:
    """Wagtail's own rows the admin URLs name (created by migrations or made here)."""
    from cms.models import FooterText, MenuItem
    from curriculum.models import Partner

    o = world.objects
    locale = o["locale"]
    o.update(
        learner_user=world.people["learner"],
        facilitator_user=world.people["facilitator"],
        group=Group.objects.get(name="Learner"),
        workflow=Workflow.objects.first() or Workflow.objects.create(name="อนุมัติ"),
        task=Task.objects.first() or Task.objects.create(name="ตรวจ"),
        menu_item=MenuItem.objects.create(label="หลักสูตร", page=o["page"], locale=locale),
        footer=FooterText.objects.create(locale=locale),
        partner=Partner.objects.create(name="มหาวิทยาลัยขอนแก่น", locale=locale),
        missing=_Missing(),
    )
    o["localize"] = _translation_ids(o["page"])


def _translation_ids(page) -> dict[str, int]:
    """wagtail-localize's ids for the page's English translation, and one segment of each kind."""
    from wagtail_localize.models import (
        OverridableSegment,
        StringSegment,
        Translation,
        TranslationSource,
    )

    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    english = Locale.objects.get(language_code="en")
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=english)
    string = StringSegment.objects.filter(source=source).first()
    overridable = OverridableSegment.objects.filter(source=source).first()
    return {
        "translation_source_id": source.pk,
        "translation_id": translation.pk,
        "string_segment_id": string.pk if string else MISSING_ID,
        "overridable_segment_id": overridable.pk if overridable else MISSING_ID,
    }


# The same prefixes, naming the other cohort's object (world._other_cohort)
OTHER_PK_BY_PREFIX = {
    "admin/cohorts/cohorts/": "other_cohort",
    "admin/cohorts/sessions/": "other_session",
    "admin/cohorts/enrolments/": "other_enrolment",
    "admin/cohorts/teams/": "other_team",
    "admin/assignments/": "other_assignment",
    "admin/assignment_extensions/": "other_extension",
    "admin/assignment_submissions/": "other_submission",
    "admin/attendance/session/": "other_session",
    "admin/attendance/record/": "other_record",
    "admin/attendance/cohort/": "other_cohort",
    "admin/evaluation/": "other_evaluation",
    "admin/evaluations/results/": "other_evaluation",
    "admin/evaluations/cohort/": "other_cohort",
    "admin/materials/": "other_material",
    "admin/announcements/": "other_announcement",
    "admin/learning/material/": "other_material",
    "admin/learning/announcement/": "other_announcement",
    "me/evaluations/": "other_evaluation",
    "me/materials/": "other_material",
    "me/announcements/": "other_announcement",
    "me/assignments/": "other_assignment",
    "review/": "other_submission",
    "files/submissions/": "other_version_file",
    "files/reviews/": "other_review",
}
# Parameters that name a cohort's object wherever they appear
OTHER_BY_NAME = {
    "cohort_id": "other_cohort",
    "session_id": "other_session",
    "enrolment_id": "other_enrolment",
    "enrolment": "other_enrolment",
}


def _other_pk_prefix(route: str) -> str | None:
    if "pk>" not in route:
        return None
    for prefix in sorted(OTHER_PK_BY_PREFIX, key=len, reverse=True):
        if route.startswith(prefix):
            return prefix
    return None


def names_a_cohort_object(route: str) -> bool:
    """True when a parameter of the route names one cohort's object (or its person)."""
    names = [f":{name}>" for name in OTHER_BY_NAME] + ["<slug:slug>", "<int:user_id>"]
    return _other_pk_prefix(route) is not None or any(name in route for name in names)


def other_cohort_values(route: str, world: World) -> dict:
    """The route's parameters, each naming the other cohort's object instead."""
    o = world.objects
    values = values_for(route, world)
    prefix = _other_pk_prefix(route)
    if prefix is not None:
        values["pk"] = o[OTHER_PK_BY_PREFIX[prefix]].pk
    values.update({name: o[key].pk for name, key in OTHER_BY_NAME.items()})
    values.update(slug=o["other_cohort"].slug, user_id=world.people["other_learner"].pk)
    return values
