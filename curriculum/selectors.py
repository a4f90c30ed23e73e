"""Reads for the curriculum pages; each runs a fixed number of queries."""

from wagtail.images import get_image_model
from wagtail.models import Locale

from cms.selectors import localized_objects
from cohorts.models import Cohort, Session


def _live_children(page, model):
    return (
        model.objects.child_of(page).live().public().select_related("social_image").order_by("path")
    )


def sessions_teaching(field: str, page) -> list[Session]:
    """Every cohort's sessions linked to `page` or to any translation of it."""
    return list(
        Session.objects.filter(**{f"{field}__translation_key": page.translation_key})
        .select_related("cohort", "venue", "venue__province")
        .order_by("-cohort__number", "starts_at")
    )


def programme_context(page) -> dict:
    from curriculum.models import CourseModulePage, Partner, SiteVisitPage

    links = list(page.partners.select_related("partner", "partner__logo"))
    partners = localized_objects([link.partner for link in links], Partner)
    _prefetch_logos(partners)
    return {
        "cohorts": list(Cohort.objects.order_by("number")),
        "modules": list(_live_children(page, CourseModulePage)),
        "site_visits": list(_live_children(page, SiteVisitPage).select_related("province")),
        "partners": partners,
    }


def _prefetch_logos(partners) -> None:
    """Fetch the logo images of translated partners in one query."""
    missing = {p.logo_id for p in partners if p.logo_id and "logo" not in p._state.fields_cache}
    if missing:
        images = get_image_model().objects.in_bulk(missing)
        for partner in partners:
            if partner.logo_id in images:
                partner.logo = images[partner.logo_id]


def module_context(page) -> dict:
    from curriculum.models import Facilitator, ResearchThemePage

    links = list(page.module_facilitators.select_related("facilitator", "facilitator__photo"))
    facilitators = localized_objects([link.facilitator for link in links], Facilitator)
    photos = {f.photo_id for f in facilitators if f.photo_id}
    if photos:
        images = get_image_model().objects.in_bulk(photos)
        for facilitator in facilitators:
            if facilitator.photo_id:
                facilitator.photo = images[facilitator.photo_id]
    theme_keys = page.related_themes.values_list("translation_key", flat=True)
    themes = ResearchThemePage.objects.live().filter(
        translation_key__in=theme_keys, locale=Locale.get_active()
    )
    return {
        "facilitators": facilitators,
        "themes": list(themes.order_by("path")),
        "sessions": sessions_teaching("module", page),
    }


def site_visit_context(page) -> dict:
    return {"sessions": sessions_teaching("site_visit", page)}


def research_index_context(page) -> dict:
    from curriculum.models import ResearchThemePage

    return {"themes": list(_live_children(page, ResearchThemePage))}


def research_theme_context(page) -> dict:
    from curriculum.models import ResearchProjectPage

    projects = _live_children(page, ResearchProjectPage).select_related("province")
    return {"projects": list(projects)}
