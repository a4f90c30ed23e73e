"""System checks: the signing key and certificates can be read, belong together and are in date.

`manage.py check` (and migrate, runserver) report a bad key before a batch of
certificates fails on it in a worker.
"""

import datetime as dt

from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured

from certificates.keys import signing_material

EXPIRY_WARNING = dt.timedelta(days=60)


@register()
def signing_keys_check(app_configs=None, **kwargs):
    if settings.CERTIFICATE_GENERATE_KEYS and not settings.CERTIFICATE_SIGNING_KEY:
        return []  # dev, demo, tests: a pair is made on first use
    try:
        material = signing_material()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="certificates.E001")]
    now = dt.datetime.now(dt.UTC)
    expires = material.certificate.not_valid_after_utc
    if expires <= now:
        message = f"CERTIFICATE_SIGNING_CERT expired on {expires:%Y-%m-%d}: PDFs it signs fail."
        return [
            Error(message, hint="Rotate the key (docs/certificates.md).", id="certificates.E002")
        ]
    if expires - now < EXPIRY_WARNING:
        return [
            Warning(
                f"CERTIFICATE_SIGNING_CERT expires on {expires:%Y-%m-%d}.",
                hint="Rotate the key before then (docs/certificates.md).",
                id="certificates.W001",
            )
        ]
    return []
