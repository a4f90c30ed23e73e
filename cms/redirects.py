"""Wagtail's redirects, looked for only where a lost page may have moved.

A 404 from the JSON API or from a certificate lookup is an answer ("no such
certificate"), not a page an editor moved: looking up a redirect for it cost a
query on every unknown code, the path a guesser takes.
"""

from wagtail.contrib.redirects.middleware import RedirectMiddleware as WagtailRedirectMiddleware

ANSWERS = ("/api/", "/verify/", "/en/verify/")


class RedirectMiddleware(WagtailRedirectMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path.startswith(ANSWERS):
            return response
        return super().process_response(request, response)
