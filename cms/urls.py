"""Wagtail's page URLs, with a serve pattern that takes Thai addresses whole.

Wagtail's own pattern, `^([\\w\\-]+/)*$`, refuses the Thai vowels and tone marks that
`cms.slugs` keeps (Python's `\\w` leaves out combining marks, category Mn), so
/programme/ศึกษาดูงาน/ would not reach a page. Ours takes any segment and lets the page
tree decide (an unknown address is still a 404), plus a last `*.pdf` segment without the
slash for files pages serve themselves (the programme brochure).
"""

from django.urls import URLPattern, re_path

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views

SERVE_PATTERN = r"^((?:[^/]+/)*(?:[^/]+\.pdf)?)$"

urlpatterns: list[URLPattern] = [
    *(p for p in wagtail_urls.urlpatterns if getattr(p, "name", "") != "wagtail_serve"),
    re_path(SERVE_PATTERN, wagtail_views.serve, name="wagtail_serve"),
]
