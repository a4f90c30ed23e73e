"""Make English pages from before wagtail-localize into wagtail-localize translations.

Run once on a database that had the old page-tree sync (`manage.py adopt_translations`);
it is safe to run again. See docs/translations.md.
"""

from django.core.management.base import BaseCommand

from cms.translations import pages_to_adopt, translation_adopt


class Command(BaseCommand):
    help = "Record existing translated pages as wagtail-localize translations of their Thai pages."

    def handle(self, *args, **options):
        pages = pages_to_adopt()
        for page in pages:
            outcome = translation_adopt(translated=page)
            self.stdout.write(f"{page.locale.language_code} {page.url_path}: {outcome}")
        self.stdout.write(f"{len(pages)} page(s) checked.")
