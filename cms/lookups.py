"""Site, Locale and view-restriction reads served from the cache (Redis in production).

Wagtail reads the Site for the request's host, the active Locale (one to three times a
request, through `Locale.get_active()`) and the view restrictions above a page (two
queries a page, one more for each `.public()` listing) on every uncached page build. They
change only when an editor edits a site, a locale or a page's privacy, so they are kept
in the cache and forgotten on those edits (cms/apps.py connects `clear_lookups`), on
publishing and moving pages (a Site carries its root page), and after LOOKUP_SECONDS.
"""

from django.core.cache import cache

from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.models import sites as wagtail_sites
from wagtail.models.i18n import LocaleManager

LOCALES_KEY = "cms:lookups:locales"
SITES_KEY = "cms:lookups:site:{hostname}:{port}"
SITE_KEYS_KEY = "cms:lookups:site-keys"
RESTRICTED_KEY = "cms:lookups:restricted-paths"
LOOKUP_SECONDS = 3600

_wagtail_site_for_hostname = wagtail_sites.get_site_for_hostname
_wagtail_get_for_language = LocaleManager.get_for_language


def clear_lookups(*args: object, **kwargs: object) -> None:
    """Forget the cached sites, locales and restrictions (a signal receiver)."""
    keys = cache.get(SITE_KEYS_KEY) or []
    cache.delete_many([LOCALES_KEY, RESTRICTED_KEY, SITE_KEYS_KEY, *keys])


def _locales() -> dict[str, int]:
    found = cache.get(LOCALES_KEY)
    if found is None:
        found = dict(Locale.objects.values_list("language_code", "pk"))
        cache.set(LOCALES_KEY, found, LOOKUP_SECONDS)
    return found


def locale_for_language(manager: LocaleManager, language_code: str) -> Locale:
    """`Locale.objects.get_for_language` from the cache; an unknown code asks Wagtail."""
    from wagtail.coreutils import get_supported_content_language_variant

    code = get_supported_content_language_variant(language_code)
    pk = _locales().get(code)
    if pk is None:
        return _wagtail_get_for_language(manager, language_code)
    return Locale(pk=pk, language_code=code)


def site_for_hostname(hostname: str, port: int) -> Site | None:
    """Wagtail's site lookup for a host, kept in the cache with its root page."""
    key = SITES_KEY.format(hostname=hostname, port=port)
    site = cache.get(key)
    if site is None:
        site = _wagtail_site_for_hostname(hostname, port)
        cache.set(key, site, LOOKUP_SECONDS)
        cache.set(SITE_KEYS_KEY, [*(cache.get(SITE_KEYS_KEY) or []), key], None)
    return site


def restricted_paths() -> list[str]:
    """Tree paths of the pages with a view restriction (usually none)."""
    found = cache.get(RESTRICTED_KEY)
    if found is None:
        found = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(RESTRICTED_KEY, found, LOOKUP_SECONDS)
    return found


def is_restricted(path: str) -> bool:
    """Whether the page at this tree path or one above it has a view restriction."""
    return any(path.startswith(restricted) for restricted in restricted_paths())


def public(queryset):
    """`queryset.public()`, without its query of every restriction when there are none."""
    return queryset.public() if restricted_paths() else queryset


def install() -> None:
    """Route Wagtail's own lookups through the cache (called from CmsConfig.ready)."""
    wagtail_sites.get_site_for_hostname = site_for_hostname
    LocaleManager.get_for_language = locale_for_language
