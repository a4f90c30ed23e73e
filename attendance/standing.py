"""A learner's standing against the cohort's completion rule.

Pure arithmetic over sessions and records, so the matrix of 300 learners and
the /me/ panel share one definition and the database is read once per page.
A session counts once; a multi-day session is credited by the share of its
days attended. Excused days count (while the rule allows) up to the limit,
oldest first; mandatory sessions must be attended in person on every day.

The rule is decided here and nowhere else: `required` is the share of the
sessions rounded up to a whole session (80% of 14 is 12), and the rule is met
when the credit reaches that count, so the figure on every screen is the
figure that decides. Partial days of a visit add their share of a session.
"""

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

from django.utils.translation import gettext as _

from attendance.days import session_days
from attendance.models import CompletionRule, Status


def sessions_required(min_percent: int, count: int) -> int:
    """Whole sessions needed out of `count`: the rule's share, rounded up."""
    return math.ceil(Fraction(min_percent * count, 100))


def _tenths(tenths: int) -> str:
    return str(tenths // 10) if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"


@dataclass(frozen=True)
class SessionInfo:
    """What the rule needs to know about a session, computed once per page."""

    id: int
    number: int
    is_mandatory: bool
    is_finished: bool
    days: tuple

    @classmethod
    def of(cls, session, now) -> "SessionInfo":
        return cls(
            id=session.pk,
            number=session.number,
            is_mandatory=session.is_mandatory,
            is_finished=session.ends_at <= now,
            days=tuple(session_days(session)),
        )


@dataclass
class Standing:
    total: int
    required: int
    min_percent: int
    attended: Fraction = Fraction(0)
    finished: int = 0
    sessions_left: int = 0
    open_credit: Fraction = Fraction(0)
    excused_counted: int = 0
    excused_over_limit: int = 0
    mandatory_missed: list[int] = field(default_factory=list)
    mandatory_excused: list[int] = field(default_factory=list)
    mandatory_pending: list[int] = field(default_factory=list)
    # (session id, day) -> status: what the standing was computed from (/me/ shows it)
    statuses: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def attended_display(self) -> str:
        """One decimal, rounded down: 11.97 shows 11.9, never the 12 it has not reached."""
        return _tenths(math.floor(self.attended * 10))

    @property
    def short(self) -> Fraction:
        """Sessions still missing to reach the required count (0 when reached)."""
        return max(Fraction(self.required) - self.attended, Fraction(0))

    @property
    def short_display(self) -> str:
        """Rounded up, so doing what it says is always enough."""
        return _tenths(math.ceil(self.short * 10))

    @property
    def mandatory_not_met(self) -> list[int]:
        """Finished mandatory sessions not attended in person, on leave or not."""
        return sorted(self.mandatory_missed + self.mandatory_excused)

    @property
    def percent(self) -> int:
        return math.floor(self.attended * 100 / self.total) if self.total else 100

    @property
    def enough(self) -> bool:
        return self.attended >= self.required

    @property
    def met(self) -> bool:
        return self.enough and not self.mandatory_not_met and not self.mandatory_pending

    @property
    def can_still_meet(self) -> bool:
        best = self.attended + self.open_credit
        return not self.mandatory_not_met and best >= self.required

    @property
    def below(self) -> bool:
        """Below the rule's pace over the sessions held so far."""
        pace = sessions_required(self.min_percent, self.finished)
        return bool(self.finished) and self.attended < pace

    @cached_property
    def flag(self) -> str:
        if self.met:
            return "met"
        if not self.can_still_meet:
            return "cannot-meet"
        return "below" if self.below else "on-track"

    @property
    def flag_label(self) -> str:
        return {
            "met": _("Meets the rule"),
            "cannot-meet": _("Can no longer meet the rule"),
            "below": _("Below the rule"),
            "on-track": _("On track"),
        }[self.flag]

    @property
    def badge(self) -> str:
        return {"met": "ok", "cannot-meet": "bad", "below": "warn", "on-track": "ok"}[self.flag]

    def reasons(self) -> list[str]:
        reasons = []
        if not self.enough:
            reasons.append(
                _("Attended %(attended)s of %(total)s sessions; %(required)s are required.")
                % {
                    "attended": self.attended_display,
                    "total": self.total,
                    "required": self.required,
                }
            )
        for number in self.mandatory_missed:
            reasons.append(_("Missed mandatory session %(number)s.") % {"number": number})
        for number in self.mandatory_excused:
            reasons.append(
                _(
                    "On leave for mandatory session %(number)s: the leave counts towards "
                    "the sessions attended, but a mandatory session must be attended in person."
                )
                % {"number": number}
            )
        for number in self.mandatory_pending:
            reasons.append(
                _("Mandatory session %(number)s is still to attend.") % {"number": number}
            )
        if self.excused_over_limit:
            reasons.append(
                _("%(count)s excused days are over the limit and count as absences.")
                % {"count": self.excused_over_limit}
            )
        return reasons


def compute_standing(
    rule: CompletionRule, sessions: list[SessionInfo], statuses: dict[tuple, str]
) -> Standing:
    """statuses maps (session id, day) to a status; a missing day was not attended."""
    total = len(sessions)
    standing = Standing(
        total=total,
        required=sessions_required(rule.min_percent, total),
        min_percent=rule.min_percent,
        statuses=statuses,
    )
    # Whole sessions are summed as integers and only the shares of partly attended
    # multi-day sessions as fractions: Fraction arithmetic per session was most of the
    # dashboard's time over 700 learners.
    whole = 0
    partial = Fraction(0)
    # Credit for unfinished sessions already attended is counted in `attended`;
    # only their remaining share is still open.
    open_credit = Fraction(0)
    for info in sessions:
        credited = 0
        in_person = 0
        excused = 0
        for day in info.days:
            status = statuses.get((info.id, day))
            if status == Status.PRESENT or (status == Status.LATE and rule.late_counts):
                credited += 1
            elif status == Status.EXCUSED and rule.excused_counts:
                if standing.excused_counted < rule.max_excused:
                    standing.excused_counted += 1
                    credited += 1
                else:
                    standing.excused_over_limit += 1
            in_person += status in (Status.PRESENT, Status.LATE)
            excused += status == Status.EXCUSED
        if credited == len(info.days):
            whole += 1
        elif credited:
            partial += Fraction(credited, len(info.days))
        recorded = sum(1 for day in info.days if (info.id, day) in statuses)
        if info.is_finished:
            standing.finished += 1
        elif recorded < len(info.days):
            # Today's session already checked into is not "still to come".
            standing.sessions_left += 1
            open_credit += Fraction(len(info.days) - recorded, len(info.days))
        if info.is_mandatory and in_person < len(info.days):
            if not info.is_finished:
                standing.mandatory_pending.append(info.number)
            elif excused:
                standing.mandatory_excused.append(info.number)
            else:
                standing.mandatory_missed.append(info.number)
    standing.attended = whole + partial
    standing.open_credit = open_credit
    return standing
