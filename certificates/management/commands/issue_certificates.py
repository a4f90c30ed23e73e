"""Issue certificates to a cohort's eligible learners, then list every certificate."""

from django.core.management.base import BaseCommand, CommandError

from certificates import selectors, services, urls_util
from certificates.models import IssuanceBatch
from cohorts.models import Cohort


class Command(BaseCommand):
    help = (
        "Issue certificates to every eligible learner of a cohort and list the cohort's "
        "certificates."
    )

    def add_arguments(self, parser):
        parser.add_argument("cohort_slug")
        parser.add_argument("--timeout", type=int, default=1800, help="seconds to wait for workers")

    def handle(self, *args, cohort_slug, timeout, **options):
        cohort = Cohort.objects.filter(slug=cohort_slug).first()
        if cohort is None:
            raise CommandError(f"No cohort with the slug {cohort_slug!r}.")
        services.batch_sweep()  # take over the work of any worker that died
        batch = services.batch_start(cohort=cohort)
        self._wait(batch, timeout)
        for certificate in selectors.cohort_certificates(cohort):
            url = urls_util.verify_url(certificate)
            self.stdout.write(f"{certificate.short_code}  {certificate.status:<10}  {url}")

    def _wait(self, batch, timeout):
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            batch.refresh_from_db()
            if batch.status == IssuanceBatch.Status.FINISHED:
                if batch.failed:
                    self.stderr.write(
                        f"{batch.failed} certificate(s) failed; see the admin report."
                    )
                return
            time.sleep(0.5)
        raise CommandError("Timed out waiting for the workers; run the command again to resume.")
