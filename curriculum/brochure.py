"""The programme brochure: a PDF made by WeasyPrint from the programme page, in its language.

Thai uses Laksaman (Debian's TLWG fonts) with `lang="th"` so Pango breaks Thai lines at word
boundaries. Rendering takes a second or two, so each language's PDF is cached until the
programme or anything below it is published again.
"""

from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Page

from cms.selectors import chrome
from core.urls import absolute_url

CACHE_SECONDS = 60 * 60 * 24


def _refuse_fetch(url: str, *args, **kwargs):
    """Nothing is fetched: a rich-text image or link cannot make the server call out."""
    raise ValueError(f"The brochure does not fetch {url}")


def brochure_pdf(page) -> bytes:
    """The brochure of programme `page` in the page's own language."""
    from weasyprint import HTML  # heavy: loaded when a brochure is made

    # the selectors import the page models: imported on use
    from curriculum.selectors import programme_context

    language = page.locale.language_code
    with translation.override(language):
        context = {
            **programme_context(page),
            "page": page,
            "language": language,
            "page_url": absolute_url(page.url),
            "chrome": chrome(language),
        }
        html = render_to_string("curriculum/pdf/brochure.html", context)
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()


def _cache_key(page) -> str:
    published = Page.objects.descendant_of(page, inclusive=True).aggregate(
        latest=Max("last_published_at")
    )["latest"]
    stamp = published.timestamp() if published else 0
    return f"curriculum:brochure:{page.pk}:{stamp}"


def brochure_response(page) -> HttpResponse:
    content = cache.get_or_set(_cache_key(page), lambda: brochure_pdf(page), CACHE_SECONDS)
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"pms-brochure-{page.locale.language_code}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
