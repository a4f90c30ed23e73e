"""Demo step after cohorts.demo: link each cohort's sessions to modules and site visits."""

from cohorts.models import Session
from curriculum.models import CourseModulePage, SiteVisitPage

# session number -> (module slug, site visit slug); the same programme for both cohorts.
LINKS = {
    1: ("research-based-urban-development", None),
    2: ("livable-smart-cities", None),
    3: ("research-practicum", None),
    4: ("urban-data-platforms", None),
    5: ("local-finance", None),
    6: ("bcg-circular-economy", "khon-kaen-bcg"),
    7: ("research-practicum", None),
    8: ("smart-health", None),
    9: ("disaster-management", "hat-yai-flood"),
    10: ("heritage-culture-economy", None),
    11: ("research-practicum", None),
    12: ("heritage-culture-economy", "chiang-rai-heritage"),
    13: ("research-practicum", None),
    14: ("research-practicum", None),
}


def seed(ctx) -> None:
    thai_modules = {p.slug: p for p in CourseModulePage.objects.filter(locale__language_code="th")}
    thai_visits = {p.slug: p for p in SiteVisitPage.objects.filter(locale__language_code="th")}
    linked = 0
    for session in Session.objects.filter(cohort__slug__in=["cohort-1", "cohort-2"]):
        module_slug, visit_slug = LINKS.get(session.number, (None, None))
        module = thai_modules.get(module_slug)
        visit = thai_visits.get(visit_slug)
        if (session.module_id, session.site_visit_id) != (
            getattr(module, "pk", None),
            getattr(visit, "pk", None),
        ):
            Session.objects.filter(pk=session.pk).update(module=module, site_visit=visit)
            linked += 1
    ctx.say(f"Curriculum: {linked} sessions linked to modules and site visits.")
