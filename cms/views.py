from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Locale

from cms.search.backend import plain_query
from cms.search.selectors import search_pages
from core.urls import absolute_url

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


# Kept out of search engines: the admin, the learner portal, sign-in and search results
# (search results also say `noindex` themselves). Both languages' prefixes are listed.
ROBOTS_DISALLOW = ("/admin/", "/me/", "/accounts/", "/search/", "/attendance/", "/cohorts/")


def robots_txt(request):
    """/robots.txt: what crawlers may read, and where the sitemap is."""
    lines = ["User-agent: *"]
    for path in ROBOTS_DISALLOW:
        lines += [f"Disallow: {path}", f"Disallow: /en{path}"]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """/favicon.ico for the browsers and crawlers that ask for it by that name."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
