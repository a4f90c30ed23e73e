from django.shortcuts import render
from django.utils.translation import gettext as _

from wagtail.models import Locale

from cms.search.backend import plain_query
from cms.search.selectors import search_pages

MAX_QUERY = 200


def search(request):
    """Public site search in the current language; anyone may search."""
    query = plain_query(request.GET.get("q", "")).strip()
    error = ""
    results = None
    if len(query) > MAX_QUERY:
        error = _("Please shorten your search to %(max)d characters.") % {"max": MAX_QUERY}
    elif query:
        results = search_pages(
            query, locale=Locale.get_active(), page_number=request.GET.get("page")
        )
    return render(
        request,
        "cms/search.html",
        {"query": query, "results": results, "error": error, "seo_title": _("Search")},
    )
