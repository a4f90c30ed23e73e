"""The completion rule's edges, computed on plain data (no database)."""

import datetime as dt

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


def test_an_excused_mandatory_session_is_still_missed():
    infos = sessions(5, mandatory={5})
    statuses = marks(infos, {**dict.fromkeys(range(1, 5), "present"), 5: "excused"})
    assert compute_standing(CompletionRule(), infos, statuses).mandatory_missed == [5]


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
