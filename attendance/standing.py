"""A learner's standing against the cohort's completion rule.

Pure arithmetic over sessions and records, so the matrix of 300 learners and
the /me/ panel share one definition and the database is read once per page.
A session counts once; a multi-day session is credited by the share of its
days attended. Excused days count (while the rule allows) up to the limit,
oldest first; mandatory sessions must be attended in person on every day.
"""

import math
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

from django.utils.translation import gettext as _

from attendance.days import session_days
from attendance.models import CompletionRule, Status


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
    mandatory_pending: list[int] = field(default_factory=list)

    @property
    def attended_display(self) -> str:
        value = float(self.attended)
        return f"{value:g}" if value == int(value) else f"{value:.1f}"

    @property
    def percent(self) -> int:
        return math.floor(self.attended * 100 / self.total) if self.total else 100

    @property
    def met(self) -> bool:
        enough = self.attended * 100 >= self.min_percent * self.total
        return enough and not self.mandatory_missed and not self.mandatory_pending

    @property
    def can_still_meet(self) -> bool:
        best = self.attended + self.open_credit
        return not self.mandatory_missed and best * 100 >= self.min_percent * self.total

    @property
    def below(self) -> bool:
        """Below the rule's pace over the sessions held so far."""
        return bool(self.finished) and self.attended * 100 < self.min_percent * self.finished

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
        if self.attended * 100 < self.min_percent * self.total:
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
        required=math.ceil(rule.min_percent * total / 100),
        min_percent=rule.min_percent,
    )
    for info in sessions:
        credited = 0
        in_person = 0
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
        standing.attended += Fraction(credited, len(info.days))
        if info.is_finished:
            standing.finished += 1
        else:
            standing.sessions_left += 1
        if info.is_mandatory and in_person < len(info.days):
            target = standing.mandatory_missed if info.is_finished else standing.mandatory_pending
            target.append(info.number)
    # Credit for unfinished sessions already attended is counted in `attended`;
    # only their remaining share is still open.
    standing.open_credit = sum(
        1 - Fraction(sum(1 for d in s.days if (s.id, d) in statuses), len(s.days))
        for s in sessions
        if not s.is_finished
    ) or Fraction(0)
    return standing
