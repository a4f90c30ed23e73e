"""Scheduling: generate from a pattern, renumber, detect conflicts, reschedule, cancel."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.models import User
from cohorts.models import Cohort, Session, SessionChange, Venue
from cohorts.selectors import holidays_between, overlapping_sessions
from core.queue import enqueue
from core.templatetags.thai import thai_date

BANGKOK = ZoneInfo("Asia/Bangkok")
# Fields whose change moves the event in people's calendars.
CALENDAR_FIELDS = ("starts_at", "ends_at", "venue_id", "online_url")


@dataclass
class SessionPattern:
    """e.g. 14 sessions, every month, 2 days each, 09:00-16:00, from 5 June 2026."""

    count: int
    first_day: dt.date
    every: int = 1
    unit: str = "months"  # "months" or "weeks"
    days_each: int = 1
    start_time: dt.time = dt.time(9, 0)
    end_time: dt.time = dt.time(16, 0)
    kind: str = Session.Kind.CLASSROOM
    venue: Venue | None = None
    title_th: str = "กิจกรรมหลักสูตร พมส."
    title_en: str = "Programme session"
    facilitators: list = field(default_factory=list)

    def day(self, index: int) -> dt.date:
        if self.unit == "weeks":
            return self.first_day + dt.timedelta(weeks=self.every * index)
        month = self.first_day.month - 1 + self.every * index
        year, month = self.first_day.year + month // 12, month % 12 + 1
        return _clamp_day(year, month, self.first_day.day)

    def times(self, index: int) -> tuple[dt.datetime, dt.datetime]:
        first = self.day(index)
        last = first + dt.timedelta(days=self.days_each - 1)
        return (
            dt.datetime.combine(first, self.start_time, tzinfo=BANGKOK),
            dt.datetime.combine(last, self.end_time, tzinfo=BANGKOK),
        )


def _clamp_day(year: int, month: int, day: int) -> dt.date:
    for candidate in (day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def session_conflicts(
    *,
    cohort: Cohort,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    venue: Venue | None = None,
    facilitators: Iterable[User] = (),
    exclude_id: int | None = None,
) -> list[str]:
    """Human-readable clashes: venue double-booked, facilitator in two places, cohort overlap."""
    if not (starts_at and ends_at) or ends_at <= starts_at:
        return []
    problems = []
    facilitator_ids = {person.pk for person in facilitators}
    for other in overlapping_sessions(starts_at=starts_at, ends_at=ends_at, exclude_id=exclude_id):
        label = f"{other.cohort} · {other}"
        if venue is not None and other.venue_id == venue.pk:
            problems.append(
                _("Venue %(venue)s is already booked for %(other)s.")
                % {"venue": venue.name_th, "other": label}
            )
        for person in other.facilitators.all():
            if person.pk in facilitator_ids:
                problems.append(
                    _("%(person)s is already facilitating %(other)s.")
                    % {"person": person.get_full_name(), "other": label}
                )
        if cohort is not None and other.cohort_id == cohort.pk:
            problems.append(_("The cohort already has %(other)s at that time.") % {"other": label})
    return problems


def session_calendar_warnings(
    *, starts_at: dt.datetime, ends_at: dt.datetime, holidays: dict[dt.date, Any] | None = None
) -> list[str]:
    """Days of the session that fall on a weekend or a public holiday, in words.

    holidays: what holidays_between() returns for a span covering the session
    (pass it when checking many sessions, to read the calendar once).
    """
    first, last = starts_at.astimezone(BANGKOK).date(), ends_at.astimezone(BANGKOK).date()
    if holidays is None:
        holidays = holidays_between(first=first, last=last)
    english = not (get_language() or "th").startswith("th")
    warnings = []
    for offset in range((last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        words = {"day": thai_date(day, "weekday")}
        if day in holidays:
            holiday = holidays[day]
            words["name"] = (holiday.name_en if english else "") or holiday.name_th
            warnings.append(_("%(day)s is a public holiday: %(name)s.") % words)
        elif day.weekday() >= 5:
            warnings.append(_("%(day)s is a weekend day.") % words)
    return warnings


def sessions_renumber(*, cohort: Cohort) -> None:
    """ครั้งที่ 1..N in date order; called whenever a session is added or removed."""
    sessions = list(cohort.sessions.order_by("starts_at", "pk"))
    changed = []
    for number, session in enumerate(sessions, 1):
        if session.number != number:
            session.number = number
            changed.append(session)
    Session.objects.bulk_update(changed, ["number"])


@transaction.atomic
def session_create(*, cohort: Cohort, facilitators: Iterable[User] = (), **fields: Any) -> Session:
    session = Session(cohort=cohort, number=fields.pop("number", 0) or 1, **fields)
    session.full_clean(exclude=["number"])
    session.save()
    session.facilitators.set(facilitators)
    sessions_renumber(cohort=cohort)
    session.refresh_from_db()
    return session


@transaction.atomic
def sessions_generate(*, cohort: Cohort, pattern: SessionPattern) -> list[Session]:
    """Create pattern.count sessions after any the cohort already has, then renumber."""
    created = []
    existing = cohort.sessions.count()
    for index in range(pattern.count):
        starts_at, ends_at = pattern.times(index)
        n = existing + index + 1
        session = Session(
            cohort=cohort,
            number=n,
            kind=pattern.kind,
            venue=pattern.venue,
            title_th=pattern.title_th.replace("{n}", str(n)),
            title_en=pattern.title_en.replace("{n}", str(n)),
            starts_at=starts_at,
            ends_at=ends_at,
        )
        session.full_clean()
        session.save()
        session.facilitators.set(pattern.facilitators)
        created.append(session)
    sessions_renumber(cohort=cohort)
    _stretch_cohort(cohort)
    return created


def _stretch_cohort(cohort: Cohort) -> None:
    """Keep the cohort's dates covering its sessions."""
    first = cohort.sessions.order_by("starts_at").first()
    last = cohort.sessions.order_by("-ends_at").first()
    if not first:
        return
    starts_on = min(cohort.starts_on, first.starts_at.astimezone(BANGKOK).date())
    ends_on = max(cohort.ends_on, last.ends_at.astimezone(BANGKOK).date())
    if (starts_on, ends_on) != (cohort.starts_on, cohort.ends_on):
        Cohort.objects.filter(pk=cohort.pk).update(starts_on=starts_on, ends_on=ends_on)
        cohort.starts_on, cohort.ends_on = starts_on, ends_on


@transaction.atomic
def session_update(
    *, session: Session, facilitators: Iterable[User] | None = None, note: str = "", **fields: Any
) -> Session:
    """Save edits; a change to time or place is a reschedule (SEQUENCE up, people told)."""
    before = Session.objects.get(pk=session.pk)
    for name, value in fields.items():
        setattr(session, name, value)
    moved = any(getattr(before, f) != getattr(session, f) for f in CALENDAR_FIELDS)
    if moved and session.status != Session.Status.CANCELLED:
        session.status = Session.Status.RESCHEDULED
        session.change_note = note or session.change_note
    session.full_clean()
    session.save()
    if facilitators is not None:
        session.facilitators.set(facilitators)
    if moved or before.status != session.status:
        _announce(session, before=before)
    return session


def session_reschedule(
    *,
    session: Session,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    venue: Venue | None = None,
    note: str = "",
    keep_venue: bool = True,
) -> Session:
    fields: dict[str, Any] = {"starts_at": starts_at, "ends_at": ends_at}
    if not keep_venue:
        fields["venue"] = venue
    return session_update(session=session, note=note, **fields)


@transaction.atomic
def session_cancel(*, session: Session, note: str = "") -> Session:
    if session.is_cancelled:
        return session
    before = Session.objects.get(pk=session.pk)
    session.status = Session.Status.CANCELLED
    session.change_note = note
    session.full_clean()
    session.save()
    _announce(session, before=before)
    return session


@transaction.atomic
def session_reopen(
    *,
    session: Session,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    venue: Venue | None = None,
    note: str = "",
) -> Session:
    """A cancelled session is on again, at these times: people are told, calendars update."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    if not session.is_cancelled:
        raise ValidationError(_("Only a cancelled session can be re-opened."))
    before = Session.objects.get(pk=session.pk)
    session.status = Session.Status.RESCHEDULED
    session.starts_at, session.ends_at, session.venue = starts_at, ends_at, venue
    session.change_note = note
    session.full_clean()
    session.save()
    _announce(session, before=before)
    return session


def _action(before: Session, session: Session) -> str:
    if session.is_cancelled:
        return SessionChange.Action.CANCELLED
    if before.is_cancelled:
        return SessionChange.Action.REOPENED
    return SessionChange.Action.RESCHEDULED


def _announce(session: Session, *, before: Session) -> None:
    """Raise SEQUENCE, record what changed, and tell everyone once this transaction commits."""
    # the tasks module imports these services: imported on use
    from cohorts.tasks import notify_session_change

    Session.objects.filter(pk=session.pk).update(sequence=F("sequence") + 1)
    session.refresh_from_db(fields=["sequence"])
    SessionChange.objects.create(
        session=session,
        sequence=session.sequence,
        action=_action(before, session),
        old_starts_at=before.starts_at,
        old_ends_at=before.ends_at,
        old_venue_id=before.venue_id,
    )
    session_id, sequence = session.pk, session.sequence
    # With the queue down the notices are written here instead (a few rows per learner,
    # no email): they wait as pending and go out when a worker reconnects or beat sweeps.
    transaction.on_commit(
        lambda: (
            enqueue(notify_session_change, session_id, sequence)
            or notify_session_change(session_id, sequence)
        )
    )


@transaction.atomic
def session_delete(*, session: Session) -> None:
    cohort = session.cohort
    session.delete()
    sessions_renumber(cohort=cohort)
