"""sitemap.xml over every language's page tree, each URL with its hreflang alternates."""

from collections import defaultdict

from django.contrib.sitemaps.views import sitemap as django_sitemap

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Locale, Page


class MultilingualSitemap(WagtailSitemap):
    """The site root in every locale (Thai at /, English at /en/), with alternates."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        tree = Page.objects.none()
        for root in roots:
            tree |= Page.objects.descendant_of(root, inclusive=True)
        return tree.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        entries = []
        for item in self.paginator.page(page).object_list:
            for url in item.get_sitemap_urls(self.request):
                entries.append((item, url))
        by_key = defaultdict(list)
        for item, url in entries:
            by_key[item.translation_key].append(
                {"lang_code": languages[item.locale_id], "location": url["location"]}
            )
        urls = []
        for item, url in entries:
            alternates = by_key[item.translation_key]
            url["alternates"] = alternates if len(alternates) > 1 else []
            urls.append(url)
        lastmods = {url.get("lastmod") for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": MultilingualSitemap(request)})
