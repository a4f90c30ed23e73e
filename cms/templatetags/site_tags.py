from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, gettext

from wagtail.models import Page

from cms.selectors import chrome
from cms.thai_lines import keep_thai_words
from core.urls import absolute_url

register = template.Library()


def _live_translations(page: Page) -> list[Page]:
    """The page's live translations, itself included: read once per page and request
    (the language switcher and the hreflang links both need them)."""
    if not hasattr(page, "_live_translations"):
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        page._live_translations = list(translations)  # type: ignore[attr-defined]
    return page._live_translations  # type: ignore[attr-defined]


def _page_translation_urls(page: Page, request) -> dict[str, str]:
    urls = {}
    for translation in _live_translations(page):
        url = translation.get_url(request=request)
        if url:
            urls[translation.locale.language_code] = url
    return urls


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language: the page's translation, else the same path."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    page_urls = _page_translation_urls(page, request) if isinstance(page, Page) else {}
    path = request.get_full_path() if request else "/"
    links = []
    for code, name in settings.LANGUAGES:
        url = page_urls.get(code) or translate_url(path, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Menu links and footer for the current language (cached, see cms.selectors.chrome),
    read once per request: the header and the footer both show them."""
    language = get_language() or settings.LANGUAGE_CODE
    request = context.get("request")
    if request is None:
        return chrome(language)
    read = request.__dict__.setdefault("_site_chrome", {})
    if language not in read:
        read[language] = chrome(language)
    return read[language]


@register.filter
def i18n_field(obj, name: str):
    """`obj.<name>_en` under English when it is filled in, else `obj.<name>_th`."""
    if obj is None:
        return ""
    if (get_language() or "").startswith("en"):
        value = getattr(obj, f"{name}_en", "")
        if value:
            return value
    return getattr(obj, f"{name}_th", "")


@register.filter(is_safe=True)
def thai_words(value):
    """Keep Thai words whole at line ends: `{{ page.title|thai_words }}`, or around
    rendered rich text, `{% filter thai_words %}{% include_block page.body %}{% endfilter %}`."""
    return keep_thai_words(value)


@register.filter
def with_site_name(title: str) -> str:
    """A page title on one line, followed by the programme's name unless it is that name."""
    site_name = gettext("Senior Urban Developer Programme")
    title = " ".join(str(title).split())
    if not title or title == site_name:
        return site_name
    return f"{title} · {site_name}"


def _origin(url: str) -> str:
    """scheme://host[:port] of an absolute URL ("" for a relative one); no query needed."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


@register.inclusion_tag("includes/seo.html", takes_context=True)
def seo_meta(context, description: str = "", image=None):
    """Meta description, canonical URL, hreflang alternates and OpenGraph tags."""
    request = context.get("request")
    page = context.get("page")
    alternates = {}
    canonical = request.build_absolute_uri(request.path) if request else ""
    if isinstance(page, Page):
        canonical = page.get_full_url(request) or canonical
        alternates = {
            translation.locale.language_code: translation.get_full_url(request)
            for translation in _live_translations(page)
        }
        description = description or getattr(page, "meta_description", "") or ""
        image = image or getattr(page, "social_image", None)
    return {
        "request": request,
        "page": page,
        "title": context.get("seo_title") or (page.seo_title or page.title if page else ""),
        "description": description,
        "canonical": canonical,
        "alternates": sorted(alternates.items()),
        "default_alternate": alternates.get(settings.LANGUAGE_CODE),
        "image": image,
        # Absolute URLs on the same host as the canonical link (the Site record follows SITE_URL).
        "site_root": _origin(canonical) or absolute_url("").rstrip("/"),
        "language": get_language(),
    }
