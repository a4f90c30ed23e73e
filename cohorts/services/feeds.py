"""Personal calendar feed tokens: one live token per person, revocable."""

import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User
from cohorts.models import CalendarToken


def calendar_token_for(*, user: User) -> CalendarToken:
    """The person's live token, created on first use."""
    token = CalendarToken.objects.filter(user=user, revoked_at__isnull=True).first()
    if token:
        return token
    try:
        with transaction.atomic():
            return CalendarToken.objects.create(user=user, token=secrets.token_urlsafe(32))
    except IntegrityError:  # another request created it first
        return CalendarToken.objects.get(user=user, revoked_at__isnull=True)


@transaction.atomic
def calendar_token_revoke(*, user: User) -> CalendarToken:
    """Kill the old feed URL and issue a new one."""
    CalendarToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    return CalendarToken.objects.create(user=user, token=secrets.token_urlsafe(32))
