"""Absolute public URLs, built from SITE_URL (stable across hosts and workers)."""

from django.conf import settings


def absolute_url(path: str) -> str:
    """SITE_URL + path, for links that leave the site: emails, PDFs, credentials, feeds."""
    return settings.SITE_URL.rstrip("/") + path
