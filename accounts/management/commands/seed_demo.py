import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.demo import SCALES, DemoContext, run_steps

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
        parser.add_argument(
            "--scale",
            choices=sorted(SCALES),
            help="Also load programme-scale data (10 more cohorts, 2,000 learners from 300 "
            "local governments, a year of sessions and their records) for the benchmarks.",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED and not options["create_staff_with_public_password"]:
            raise CommandError(
                "Refused: these settings forbid demo data (DEMO_DATA_ALLOWED is false, as in "
                "production). seed_demo creates staff accounts whose password is printed in "
                f"the README. To do it anyway, run it again with {FORCE}."
            )
        started = time.perf_counter()
        with transaction.atomic():
            ctx = run_steps(DemoContext())
            if options["scale"]:
                run_steps(ctx, SCALES[options["scale"]])
        for line in ctx.log:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Demo logins:"))
        for email, what in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<28} {what}")
        self.stdout.write(f"  password: {ctx.password}")
        if options["scale"]:
            self.stdout.write(f"Loaded in {time.perf_counter() - started:.1f} s.")
