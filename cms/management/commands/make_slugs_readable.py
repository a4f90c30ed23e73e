"""Give pages whose addresses lost their Thai vowels and tone marks readable ones (redirected)."""

from django.core.management.base import BaseCommand

from cms.services import page_slugs_make_readable


class Command(BaseCommand):
    help = "Restore Thai vowels and tone marks in page addresses; old addresses redirect (301)."

    def handle(self, *args, **options):
        for page, old_url in page_slugs_make_readable():
            self.stdout.write(f"{old_url} -> {page.url}")
