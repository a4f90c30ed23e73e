"""Reads for the site chrome: home page blocks, navigation, footer, translations."""

from collections.abc import Iterable

from django.core.cache import cache
from django.db.models import Model, OuterRef, Q, QuerySet, Subquery

from wagtail.models import Locale, Page

from cms.context import page_context
from cms.lookups import public
from cms.models import FooterText, MenuItem, NewsPage

NAV_CACHE_KEY = "cms:chrome:{language}"
NAV_CACHE_SECONDS = 300


def localized_objects(
    objects: list, model: type[Page] | None = None, select_related: tuple[str, ...] = ()
) -> list:
    """Each translatable object in the active locale when a translation exists (one query,
    with the relations named in select_related)."""
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    model = model or type(objects[0])
    locale = Locale.get_active()
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    found = {}
    if keys:
        queryset = model.objects.filter(translation_key__in=keys, locale=locale)
        queryset = queryset.select_related(*select_related)
        if issubclass(model, Page):
            queryset = queryset.live()
        found = {obj.translation_key: obj for obj in queryset}
    return [found.get(obj.translation_key, obj) for obj in objects]


def localized_linked(
    links: QuerySet, field: str, model: type[Model], select_related: tuple[str, ...] = ()
) -> list:
    """What each of an orderable's links points at (`field`), in the active locale when a
    translation exists, in the links' order: one query in every language, where reading
    the links and then their translations takes two."""
    locale = Locale.get_active()
    order = links.filter(**{f"{field}__translation_key": OuterRef("translation_key")})
    rows = (
        model._default_manager.filter(translation_key__in=links.values(f"{field}__translation_key"))
        .filter(Q(locale=locale) | Q(pk__in=links.values(field)))
        .annotate(link_order=Subquery(order.values("sort_order")[:1]))
        .select_related(*select_related)
        .order_by("link_order", "pk")
    )
    chosen: dict = {}
    for row in rows:  # the translation in the active locale wins over the linked original
        if row.translation_key not in chosen or row.locale_id == locale.pk:
            chosen[row.translation_key] = row
    return list(chosen.values())


def latest_news(locale: Locale | int, limit: int = 3) -> list[NewsPage]:
    return list(
        public(NewsPage.objects.live())
        .filter(locale=locale)
        .order_by("-date", "-pk")
        .select_related("social_image")[:limit]
    )


def home_context(home: Page) -> dict:
    """The latest news, and what higher apps add to the home page (see cms.context)."""
    return {"latest_news": latest_news(home.locale_id), **page_context("home", home)}


def chrome(language: str) -> dict:
    """Menu links and footer for a language, cached; cleared when they or pages change."""
    key = NAV_CACHE_KEY.format(language=language)
    data = cache.get(key)
    if data is None:
        data = _build_chrome(language)
        cache.set(key, data, NAV_CACHE_SECONDS)
    return data


def clear_chrome_cache(*args: object, **kwargs: object) -> None:
    from django.conf import settings

    cache.delete_many([NAV_CACHE_KEY.format(language=code) for code, _ in settings.LANGUAGES])


def _build_chrome(language: str) -> dict:
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return {"menu": [], "footer": None}
    items = list(MenuItem.objects.filter(locale=locale).select_related("page"))
    pages = localized_page_urls([item.page for item in items if item.page_id], locale)
    menu = []
    for item in items:
        url = pages.get(item.page.translation_key) if item.page_id else item.url
        if url:
            menu.append({"label": item.label, "url": url})
    footer = FooterText.objects.filter(locale=locale).first()
    return {
        "menu": menu,
        "footer": {"body": footer.body, "email": footer.contact_email} if footer else None,
    }


def localized_page_urls(pages: Iterable[Page], locale: Locale) -> dict:
    """translation_key -> URL of the live page in `locale`; pages not yet translated are absent."""
    keys = {page.translation_key for page in pages}
    return {
        page.translation_key: page.url
        for page in Page.objects.live().filter(translation_key__in=keys, locale=locale)
    }
