"""Reads for the curriculum pages; each runs a fixed number of queries."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q, QuerySet

from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from cms.context import page_context
from cms.lookups import public
from cms.selectors import localized_linked, localized_objects
from curriculum.models import (
    CourseModulePage,
    Facilitator,
    Partner,
    ResearchProjectPage,
    ResearchThemePage,
    SiteVisitPage,
)
from curriculum.themes import ResearchTheme


def _live_children(page: Page, model: type[Page]) -> Any:
    children = public(model.objects.child_of(page).live())
    return children.select_related("social_image").order_by("path")


def programme_context(page: Page) -> dict:
    links = page.partners.all()
    if isinstance(links, QuerySet):  # saved links: one query in either language
        partners = localized_linked(links, "partner", Partner, ("logo",))
    else:  # a preview's links, in memory
        partners = localized_objects([link.partner for link in links], Partner, ("logo",))
        _prefetch_logos(partners)
    return {
        **page_context("programme", page),
        "modules": list(_live_children(page, CourseModulePage)),
        "site_visits": list(_live_children(page, SiteVisitPage).select_related("province")),
        "partners": partners,
    }


def _prefetch_logos(partners: Iterable[Partner]) -> None:
    """Fetch the logo images of translated partners in one query."""
    missing = {p.logo_id for p in partners if p.logo_id and "logo" not in p._state.fields_cache}
    if missing:
        images = get_image_model().objects.in_bulk(missing)
        for partner in partners:
            if partner.logo_id in images:
                partner.logo = images[partner.logo_id]


def module_context(page: Page) -> dict:
    links = list(page.module_facilitators.select_related("facilitator", "facilitator__photo"))
    facilitators = localized_objects([link.facilitator for link in links], Facilitator, ("photo",))
    photos = {
        f.photo_id for f in facilitators if f.photo_id and "photo" not in f._state.fields_cache
    }
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
        **page_context("module", page),
    }


def site_visit_context(page: Page) -> dict:
    """What higher apps add to a site visit page (the sessions that visit it, from cohorts)."""
    return page_context("site_visit", page)


def featured_site_visit(home: Page) -> dict:
    """The home page's featured site visit in the home page's language (see cms.context)."""
    if not home.featured_site_visit_id:
        return {"featured_visit": None}
    featured = SiteVisitPage.objects.filter(pk=home.featured_site_visit_id)
    visit = (
        SiteVisitPage.objects.live()
        .filter(translation_key__in=featured.values("translation_key"), locale=home.locale_id)
        .select_related("social_image", "province")
        .first()
    )
    return {"featured_visit": visit}


def research_index_context(page: Page) -> dict:
    return {"themes": list(_live_children(page, ResearchThemePage))}


def research_theme_context(page: Page) -> dict:
    projects = _live_children(page, ResearchProjectPage).select_related("province")
    return {"projects": list(projects)}


def research_theme_choices() -> list[tuple[str, str]]:
    """The research themes, for the search form's theme filter."""
    return [(str(value), str(label)) for value, label in ResearchTheme.choices]


def pages_of_theme(theme: str, locale: Locale) -> list[int]:
    """Ids of the pages about a research theme in `locale`: its theme page, the projects
    below it, and the modules that name it (search's theme filter)."""
    paths = ResearchThemePage.objects.filter(theme=theme, locale=locale).values_list(
        "path", flat=True
    )
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    ids = list(Page.objects.filter(under).values_list("pk", flat=True)) if paths else []
    modules = CourseModulePage.objects.filter(related_themes__theme=theme, locale=locale)
    return ids + list(modules.values_list("pk", flat=True))
