"""A Celery worker prepares, before its pool forks, what every child would pay for on
its first certificate: the PDF signing stack and the URL resolver of each language."""

import sys

from django.conf import settings
from django.urls import clear_url_caches, get_resolver

from certificates.tasks import preload_pdf_stack


def test_the_worker_builds_the_url_resolver_of_every_language_before_forking():
    clear_url_caches()
    preload_pdf_stack()
    resolver = get_resolver()
    # Django keys the reverse lookups it has built by language (i18n URL prefixes).
    assert {code for code, _ in settings.LANGUAGES} <= set(resolver._reverse_dict)
    assert "pyhanko.sign.signers" in sys.modules
