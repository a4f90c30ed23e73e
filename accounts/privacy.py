"""The privacy notice (PDPA): which version is in force and who accepted it.

A person accepts the current version at first login and again whenever a newer one is
published (``accounts.middleware.PrivacyNoticeMiddleware`` sends them to accept it).
With no notice published there is nothing to accept and nobody is stopped.
"""

import datetime as dt

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import PrivacyAcceptance, PrivacyNotice, User

SESSION_KEY = "privacy_notice_accepted"
# The id of the version in force (0: none), kept in the cache so that a person who has
# accepted it costs the gate no query; any change to a notice forgets it, and it lasts
# five minutes, so a version published ahead of time takes effect within five minutes.
GENERATION_KEY = "privacy-notice-in-force"
GENERATION_SECONDS = 300


def notice_in_force_id() -> int | None:
    """The cached id of the version in force (0: none), or None when not known."""
    return cache.get(GENERATION_KEY)


def remember_notice_in_force(notice: "PrivacyNotice | None") -> None:
    cache.set(GENERATION_KEY, notice.pk if notice else 0, GENERATION_SECONDS)


def forget_notice_in_force(**_kwargs) -> None:
    """post_save / post_delete of PrivacyNotice (connected in AccountsConfig.ready)."""
    cache.delete(GENERATION_KEY)


def current_notice(*, now: dt.datetime | None = None) -> PrivacyNotice | None:
    """The newest published version, or None before any is published."""
    return PrivacyNotice.objects.published(now=now).first()


def published_notices(*, now: dt.datetime | None = None) -> list[PrivacyNotice]:
    """Every published version, the one in force first (the public privacy page)."""
    return list(PrivacyNotice.objects.published(now=now))


def has_accepted(user: User, notice: PrivacyNotice) -> bool:
    return PrivacyAcceptance.objects.filter(user=user, notice=notice).exists()


def acceptance_of(user: User) -> PrivacyAcceptance | None:
    """The person's latest acceptance (any version), for their privacy page."""
    return PrivacyAcceptance.objects.filter(user=user).select_related("notice").first()


def notice_accept(*, user: User, notice: PrivacyNotice) -> PrivacyAcceptance:
    """Record that the person accepted this version now; accepting twice keeps the first."""
    existing = PrivacyAcceptance.objects.filter(user=user, notice=notice).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return PrivacyAcceptance.objects.create(
                user=user, notice=notice, accepted_at=timezone.now()
            )
    except IntegrityError:  # the same person accepted in another tab a moment ago
        return PrivacyAcceptance.objects.get(user=user, notice=notice)


def notice_publish(
    *, body_th: str, body_en: str = "", published_at: dt.datetime | None = None
) -> PrivacyNotice:
    """A new version, numbered after the last one."""
    last = PrivacyNotice.objects.order_by("-version").values_list("version", flat=True).first()
    notice = PrivacyNotice(
        version=(last or 0) + 1,
        published_at=published_at or timezone.now(),
        body_th=body_th,
        body_en=body_en,
    )
    notice.full_clean()
    notice.save()
    return notice
