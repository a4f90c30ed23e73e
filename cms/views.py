from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.models import Locale

from cms.search.backend import plain_query
from cms.search.filters import search_filters
from cms.search.selectors import search_pages, suggest
from core.urls import absolute_url

MAX_QUERY = 200


def search(request):
    """Public site search in the current language; anyone may search."""
    query = plain_query(request.GET.get("q", "")).strip()
    error = ""
    results = None
    suggestion = ""
    if len(query) > MAX_QUERY:
        error = _("Please shorten your search to %(max)d characters.") % {"max": MAX_QUERY}
    elif query:
        locale = Locale.get_active()
        results = search_pages(
            query, locale=locale, page_number=request.GET.get("page"), filters=request.GET
        )
        if not results.paginator.count:
            suggestion = suggest(query, locale=locale)
    context = {
        "query": query,
        "results": results,
        "error": error,
        "suggestion": suggestion,
        "filters": [(f, request.GET.get(f.name, "")) for f in search_filters()],
        "suggestion_url": f"{reverse('search')}?{urlencode({'q': suggestion})}",
    }
    return render(request, "cms/search.html", {**context, "seo_title": _("Search")})


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
