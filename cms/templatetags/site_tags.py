from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page

register = template.Library()


def _page_translation_urls(page: Page, request) -> dict[str, str]:
    urls = {}
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
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
