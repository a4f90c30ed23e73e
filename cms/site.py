"""One public host: the default Wagtail Site record follows SITE_URL.

Canonical links, hreflang, og:url and the sitemap come from the Site record (Wagtail's
`get_full_url`); links in emails and QR codes come from SITE_URL. They agree because the
record is set from the setting on every migrate and by `seed_demo`, and a system check
warns when someone edits one without the other.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

from wagtail.models import Site


def site_address() -> tuple[str, int]:
    """(hostname, port) of SITE_URL, with the scheme's default port."""
    parts = urlsplit(settings.SITE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


def site_sync_from_setting(**kwargs) -> None:
    """Point the default Site at SITE_URL's host.

    A post_migrate receiver, also called by the demo.
    """
    hostname, port = site_address()
    for site in Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port):
        site.hostname, site.port = hostname, port
        # save(), not update(): Wagtail clears its cached site root paths on save.
        site.save(update_fields=["hostname", "port"])
    Site.clear_site_root_paths_cache()


@checks.register(checks.Tags.urls, deploy=False)
def check_site_matches_setting(app_configs=None, **kwargs):
    """W001: the default Site record and SITE_URL name different hosts."""
    try:
        site = Site.objects.filter(is_default_site=True).first()
    except Exception:  # noqa: BLE001 - no table yet (before the first migrate)
        return []
    if site is None or (site.hostname, site.port) == site_address():
        return []
    return [
        checks.Warning(
            f"The default Wagtail site is {site.root_url} but SITE_URL is {settings.SITE_URL}: "
            "canonical links and the sitemap would name another host than emails and QR codes.",
            hint="Run `manage.py migrate` (it sets the site from SITE_URL) or fix SITE_URL.",
            id="cms.W001",
        )
    ]
