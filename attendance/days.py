"""The days of a session and the check-in window of each day, in Asia/Bangkok."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from attendance.models import CheckInSettings

DEFAULTS = CheckInSettings()


def session_days(session) -> list[dt.date]:
    first = timezone.localtime(session.starts_at).date()
    last = timezone.localtime(session.ends_at).date()
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def settings_for(session) -> CheckInSettings:
    try:
        return session.check_in_settings
    except CheckInSettings.DoesNotExist:
        return DEFAULTS


@dataclass(frozen=True)
class DayWindow:
    day: dt.date
    starts_at: dt.datetime
    ends_at: dt.datetime
    opens_at: dt.datetime
    late_from: dt.datetime
    closes_at: dt.datetime

    def is_open(self, at: dt.datetime) -> bool:
        return self.opens_at <= at <= self.closes_at


def day_window(session, day: dt.date) -> DayWindow:
    """Each day runs from the session's start time to its end time on that day."""
    tz = timezone.get_current_timezone()
    start_local = timezone.localtime(session.starts_at)
    end_local = timezone.localtime(session.ends_at)
    starts_at = dt.datetime.combine(day, start_local.time(), tzinfo=tz)
    ends_at = dt.datetime.combine(day, end_local.time(), tzinfo=tz)
    if ends_at <= starts_at:
        ends_at = min(session.ends_at, starts_at + dt.timedelta(hours=12))
    rules = settings_for(session)
    return DayWindow(
        day=day,
        starts_at=starts_at,
        ends_at=ends_at,
        opens_at=starts_at - dt.timedelta(minutes=rules.opens_minutes_before),
        late_from=starts_at + dt.timedelta(minutes=rules.late_after_minutes),
        closes_at=ends_at + dt.timedelta(minutes=rules.closes_minutes_after_end),
    )


def current_day(session, at: dt.datetime | None = None) -> dt.date | None:
    """The session day whose check-in window is open now, if any."""
    at = at or timezone.now()
    for day in session_days(session):
        if day_window(session, day).is_open(at):
            return day
    return None


def default_day(session, at: dt.datetime | None = None) -> dt.date:
    """The day staff most likely want: today's if the session runs today, else the first."""
    days = session_days(session)
    today = timezone.localdate(at or timezone.now())
    return today if today in days else days[0]
