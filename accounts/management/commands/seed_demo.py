from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.demo import DemoContext, run_steps

DEMO_ACCOUNTS = [
    ("coordinator@example.org", "course coordinator (Wagtail admin at /admin/)"),
    ("facilitator@example.org", "facilitator / advisor"),
    ("learner@example.org", "learner enrolled in cohort-2 (portal at /me/)"),
    ("graduate@example.org", "graduate of cohort-1"),
    ("observer@example.org", "programme observer: the dashboard at /admin/reporting/ only"),
]


FORCE = "--create-staff-with-public-password"


class Command(BaseCommand):
    help = "Load realistic Thai demo data (idempotent: safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            FORCE,
            action="store_true",
            help="Seed even where settings forbid demo data (production): creates staff "
            "accounts whose password is printed in the README.",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED and not options["create_staff_with_public_password"]:
            raise CommandError(
                "Refused: these settings forbid demo data (DEMO_DATA_ALLOWED is false, as in "
                "production). seed_demo creates staff accounts whose password is printed in "
                f"the README. To do it anyway, run it again with {FORCE}."
            )
        with transaction.atomic():
            ctx = run_steps(DemoContext())
        for line in ctx.log:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Demo logins:"))
        for email, what in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<28} {what}")
        self.stdout.write(f"  password: {ctx.password}")
