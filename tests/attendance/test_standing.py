"""The completion rule's edges, computed on plain data (no database)."""

import datetime as dt

import pytest

from django.utils import translation

from attendance.models import CompletionRule
from attendance.standing import SessionInfo, compute_standing

DAY = dt.date(2026, 1, 1)


def sessions(count, *, finished=True, mandatory=(), multi_day=()):
    infos = []
    for number in range(1, count + 1):
        days = 3 if number in multi_day else 1
        infos.append(
            SessionInfo(
                id=number,
                number=number,
                is_mandatory=number in mandatory,
                is_finished=finished,
                days=tuple(DAY + dt.timedelta(days=10 * number + d) for d in range(days)),
            )
        )
    return infos


def marks(infos, statuses):
    """statuses: {session number: status} applied to every day of that session."""
    return {
        (s.id, day): statuses[s.number] for s in infos if s.number in statuses for day in s.days
    }


def test_exactly_at_the_threshold_meets_the_rule():
    infos = sessions(10)
    standing = compute_standing(
        CompletionRule(), infos, marks(infos, dict.fromkeys(range(1, 9), "present"))
    )
    assert standing.required == 8
    assert standing.met
    assert standing.flag == "met"


def test_one_below_the_threshold_cannot_meet_it_when_all_sessions_are_over():
    infos = sessions(10)
    standing = compute_standing(
        CompletionRule(), infos, marks(infos, dict.fromkeys(range(1, 8), "present"))
    )
    assert not standing.met
    assert standing.flag == "cannot-meet"
    assert "7" in standing.reasons()[0]


def test_late_counts_as_present_unless_the_rule_says_otherwise():
    infos = sessions(5)
    statuses = marks(infos, {1: "present", 2: "present", 3: "present", 4: "late"})
    assert compute_standing(CompletionRule(), infos, statuses).met
    assert not compute_standing(CompletionRule(late_counts=False), infos, statuses).met


def test_excused_counts_up_to_the_limit_only():
    infos = sessions(10)
    statuses = marks(
        infos, {**dict.fromkeys(range(1, 6), "present"), 6: "excused", 7: "excused", 8: "excused"}
    )
    standing = compute_standing(CompletionRule(max_excused=3), infos, statuses)
    assert standing.met
    over = compute_standing(CompletionRule(max_excused=2), infos, statuses)
    assert not over.met
    assert over.excused_over_limit == 1
    with translation.override("en"):
        assert any("over the limit" in reason for reason in over.reasons())
    assert any("เกินจำนวน" in reason for reason in over.reasons())


def test_a_missed_mandatory_session_fails_even_with_enough_attendance():
    infos = sessions(10, mandatory={10})
    standing = compute_standing(
        CompletionRule(), infos, marks(infos, dict.fromkeys(range(1, 10), "present"))
    )
    assert standing.mandatory_missed == [10]
    assert not standing.met
    assert standing.flag == "cannot-meet"


def test_leave_on_a_mandatory_session_is_reported_as_leave_not_as_absence():
    infos = sessions(5, mandatory={5})
    statuses = marks(infos, {**dict.fromkeys(range(1, 5), "present"), 5: "excused"})
    standing = compute_standing(CompletionRule(), infos, statuses)
    assert standing.mandatory_missed == []
    assert standing.mandatory_excused == [5]
    assert standing.mandatory_not_met == [5]
    assert not standing.met
    with translation.override("en"):
        (reason,) = standing.reasons()
    assert "On leave for mandatory session 5" in reason and "in person" in reason
    assert "Missed" not in reason


def sessions_with_a_visit(count=14, *, visit=14, finished=True):
    return sessions(count, finished=finished, multi_day={visit})


@pytest.mark.parametrize(
    ("whole_sessions", "visit_days", "met", "shown"),
    [
        (11, 0, False, "11"),
        (11, 1, False, "11.3"),  # passed at 11.2 before: one day of a 3-day visit
        (11, 2, False, "11.6"),  # 11.67 is shown rounded down, never as the 12 it is not
        (11, 3, True, "12"),
        (12, 0, True, "12"),
        (13, 0, True, "13"),
    ],
)
def test_the_rule_passes_exactly_at_the_required_count_shown(
    whole_sessions, visit_days, met, shown
):
    """80% of 14 sessions is 12: the screens show 12 and the rule decides at 12."""
    infos = sessions_with_a_visit()
    statuses = marks(infos, dict.fromkeys(range(1, whole_sessions + 1), "present"))
    for day in infos[13].days[:visit_days]:
        statuses[(14, day)] = "present"
    standing = compute_standing(CompletionRule(min_percent=80), infos, statuses)
    assert standing.required == 12
    assert standing.met is met
    assert standing.attended_display == shown
    assert (standing.attended >= standing.required) is met
    with translation.override("en"):
        reasons = standing.reasons()
    assert bool(reasons) is not met
    if not met:
        assert f"Attended {shown} of 14 sessions; 12 are required." in reasons[0]


@pytest.mark.parametrize(
    ("percent", "count", "required"),
    [(80, 14, 12), (80, 10, 8), (80, 11, 9), (75, 4, 3), (100, 14, 14), (0, 14, 0)],
)
def test_the_required_count_is_the_share_rounded_up_to_a_whole_session(percent, count, required):
    infos = sessions(count)
    assert compute_standing(CompletionRule(min_percent=percent), infos, {}).required == required


def test_the_sessions_still_needed_are_shown_rounded_up():
    infos = sessions_with_a_visit()
    statuses = marks(infos, dict.fromkeys(range(1, 12), "present"))
    statuses[(14, infos[13].days[0])] = "present"
    standing = compute_standing(CompletionRule(min_percent=80), infos, statuses)
    assert standing.short_display == "0.7"  # 12 - 11⅓ = ⅔, rounded up


def test_a_session_running_today_that_was_attended_is_not_still_to_come():
    done = sessions(3)
    today = SessionInfo(id=4, number=4, is_mandatory=False, is_finished=False, days=(DAY,))
    later = SessionInfo(id=5, number=5, is_mandatory=False, is_finished=False, days=(DAY,))
    standing = compute_standing(CompletionRule(), [*done, today, later], {(4, DAY): "present"})
    assert standing.sessions_left == 1


def test_a_multi_day_visit_is_credited_by_the_days_attended():
    infos = sessions(2, multi_day={2})
    statuses = marks(infos, {1: "present"})
    statuses[(2, infos[1].days[0])] = "present"
    standing = compute_standing(CompletionRule(min_percent=50), infos, statuses)
    assert standing.attended_display == "1.3"
    assert standing.met


def test_future_sessions_leave_room_to_meet_the_rule():
    done = sessions(4)
    future = [
        SessionInfo(id=n, number=n, is_mandatory=False, is_finished=False, days=(DAY,))
        for n in range(5, 11)
    ]
    infos = done + future
    standing = compute_standing(
        CompletionRule(), infos, marks(done, {1: "present", 2: "present", 3: "absent", 4: "absent"})
    )
    assert standing.sessions_left == 6
    assert standing.can_still_meet
    assert standing.flag == "below"
    worse = compute_standing(
        CompletionRule(), infos, marks(done, {1: "absent", 2: "absent", 3: "absent", 4: "present"})
    )
    assert worse.flag == "cannot-meet"
