from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth.views import redirect_to_login
from django.urls import include, path, reverse

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from attendance.exports import attendance_csv
from cms.sitemap import sitemap
from cms.views import favicon, robots_txt, search
from config.api import api
from config.health import healthz
from notifications.views import line_webhook


def admin_login(request):
    """The Wagtail admin signs people in through allauth's login page (and its MFA)."""
    return redirect_to_login(
        request.GET.get("next", reverse("wagtailadmin_home")), login_url=settings.LOGIN_URL
    )


# Language-neutral: machine endpoints, feeds, admin.
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/login/", admin_login, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("", include("cohorts.urls")),
    # Attendance (issue 5): the CSV export lives at a fixed, language-neutral address.
    path("cohorts/<slug:slug>/attendance.csv", attendance_csv, name="attendance_csv"),
    path("api/v1/", api.urls),
    # LINE Official Account webhook (issue 18 item 4): LINE posts here, signed.
    path("line/webhook", line_webhook, name="line_webhook"),
    path("", include("certificates.urls_public")),
]

# Thai at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("", include("accounts.urls")),
    path("", include("notifications.urls")),
    path("", include("cohorts.urls_me")),
    path("", include("learning.urls")),
    path("search/", search, name="search"),
    path("attendance/", include("attendance.urls")),
    path("", include("assignments.urls")),
    path("", include("evaluations.urls")),
    path("", include("admissions.urls")),
    path("", include("certificates.urls")),
    path("", include("rights.urls")),
    path("", include("alumni.urls")),
    path("", include("cms.urls")),  # Wagtail's pages, Thai addresses included
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
