"""Restore what migrations create, after a transactional test flushed it.

Transactional tests (live server, real Celery worker) end with a flush that
empties every table, including rows that migrations wrote: the provinces,
the public holidays, Wagtail's root page, root collection and locales. Call ensure_baseline()
at the start of such a test.
"""

from importlib import import_module

from django.conf import settings

from wagtail.models import Collection, Locale, Page

from accounts.models import Province
from accounts.roles import sync_roles
from cohorts.models import PublicHoliday


def ensure_baseline() -> None:
    if not Province.objects.exists():
        provinces = import_module("accounts.migrations.0002_provinces")
        from django.apps import apps

        provinces.load_provinces(apps, None)
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not PublicHoliday.objects.exists():
        holidays = import_module("cohorts.migrations.0007_seed_thai_public_holidays")
        from django.apps import apps

        holidays.load_holidays(apps, None)
        notes = import_module("cohorts.migrations.0009_mark_provisional_2570_holidays")
        notes.mark(apps, None)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", locale=Locale.get_default(), live=True))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    sync_roles()
