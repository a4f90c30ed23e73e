from django.core.management.base import BaseCommand
from django.db import transaction

from core.demo import DemoContext, run_steps

DEMO_ACCOUNTS = [
    ("coordinator@example.org", "course coordinator (Wagtail admin at /admin/)"),
    ("facilitator@example.org", "facilitator / advisor"),
    ("learner@example.org", "learner enrolled in cohort-2 (portal at /me/)"),
    ("graduate@example.org", "graduate of cohort-1"),
]


class Command(BaseCommand):
    help = "Load realistic Thai demo data (idempotent: safe to run again)."

    def handle(self, *args, **options):
        with transaction.atomic():
            ctx = run_steps(DemoContext())
        for line in ctx.log:
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo data ready. Demo logins:"))
        for email, what in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<28} {what}")
        self.stdout.write(f"  password: {ctx.password}")
