"""Thin tasks: the service decides."""

from celery import shared_task

from reporting import impact

REFRESH_TASK = "reporting.refresh_impact"


@shared_task(name=REFRESH_TASK)
def refresh_impact() -> int:
    """Count the public impact figures again (safe to run twice: it only adds a snapshot)."""
    return impact.impact_refresh().pk
