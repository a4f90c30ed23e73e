"""Programme-scale cohorts: ten more cohorts over the past year, 2,000 enrolments.

Cohorts 3-9 have finished (the first, cohort 3, has 300 learners: the benchmarks'
large cohort); cohorts 10-12 are running, about half their sessions behind them.
Each follows the ordinary demo's programme of 15 sessions, three weeks apart.
A cohort that exists already is left as it is (the whole seed is one transaction,
so a cohort exists with everything in it or not at all).
"""

import datetime as dt

from django.utils import timezone

from cms.page_cache import clear_page_cache
from cohorts.demo import PROGRAMME, THEME_TH, THEMES, _aware, _venues
from cohorts.models import Cohort, Enrolment, Session, Team

FIRST_NUMBER, FINISHED, RUNNING = 3, 7, 3
ONLINE_URL = "https://meet.example.org/pms-finance"


def cohort_sizes(learners: int) -> list[int]:
    """15% in the first cohort (300 of 2,000), the rest shared out in whole teams of three."""
    count = FINISHED + RUNNING
    large = round(learners * 0.15 / 3) * 3
    size = round((learners - large) / (count - 1) / 3) * 3
    return [large] + [size] * (count - 2) + [learners - large - size * (count - 2)]


def _first_day(index: int) -> dt.date:
    today = timezone.localdate()
    if index < FINISHED:
        return today - dt.timedelta(days=420 - index * 18)
    return today - dt.timedelta(days=180 - (index - FINISHED) * 21)


def _session_rows(cohort: Cohort, index: int, venues, facilitator) -> list[Session]:
    rows = []
    for number, (title_th, title_en, kind, venue_key, days, mandatory) in enumerate(PROGRAMME, 1):
        day = _first_day(index) + dt.timedelta(days=21 * (number - 1))
        rows.append(Session(
            cohort=cohort, number=number, title_th=title_th, title_en=title_en, kind=kind,
            is_mandatory=mandatory, venue=venues.get(venue_key),
            starts_at=_aware(day, 8, 30 if days == 1 else 0),
            ends_at=_aware(day + dt.timedelta(days=days - 1), 16, 30),
            online_url=ONLINE_URL if kind == Session.Kind.ONLINE else "",
        ))  # fmt: skip
    return rows


def _cohort(ctx, index: int) -> Cohort | None:
    number = FIRST_NUMBER + index
    if Cohort.objects.filter(number=number).exists():
        return None
    first = _first_day(index)
    status = Cohort.Status.FINISHED if index < FINISHED else Cohort.Status.RUNNING
    return Cohort.objects.create(
        number=number, slug=f"cohort-{number}", status=status,
        title_th=f"พมส. รุ่นที่ {number}", title_en=f"Senior Urban Developer, cohort {number}",
        starts_on=first, ends_on=first + dt.timedelta(days=21 * (len(PROGRAMME) - 1)),
    )  # fmt: skip


def _teams_and_enrolments(ctx, cohort: Cohort, learners) -> None:
    """Three learners a team, from one organisation: executive, staff, researcher."""
    facilitator = ctx.data["facilitator@example.org"]
    groups = [learners[i : i + 3] for i in range(0, len(learners), 3)]
    teams = Team.objects.bulk_create(
        Team(
            cohort=cohort, name=f"ทีม{members[0].organisation.name_th}",
            organisation=members[0].organisation, theme=THEMES[n % len(THEMES)],
            advisor=facilitator if n % 2 == 0 else None,
            project_title=f"โครงการวิจัย{THEME_TH[THEMES[n % len(THEMES)]]} "
                          f"{members[0].organisation.name_th}",
        )
        for n, members in enumerate(groups)
    )  # fmt: skip
    roles = ["executive", "staff", "researcher"]
    Enrolment.objects.bulk_create(
        Enrolment(
            cohort=cohort, user=person, team=team, role=roles[seat],
            position_snapshot=person.position, organisation_snapshot=person.organisation,
            organisation_name_snapshot=person.organisation.name_th,
        )
        for team, members in zip(teams, groups, strict=True)
        for seat, person in enumerate(members)
    )  # fmt: skip


def _make_room_for_the_past() -> None:
    """The ordinary demo's next cohort (cohort-3, where admissions opens its intake) has no
    learners yet; at programme scale ten cohorts have run since cohort 2, so the upcoming
    one moves after them (cohort 13) and cohort 3 is the 300-learner cohort of the past."""
    upcoming = Cohort.objects.filter(
        number=FIRST_NUMBER, status__in=[Cohort.Status.PLANNED, Cohort.Status.ENROLLING]
    ).first()
    if upcoming is None or upcoming.enrolments.exists():
        return
    number = FIRST_NUMBER + FINISHED + RUNNING
    if Cohort.objects.filter(number=number).exists():
        return
    upcoming.number, upcoming.slug = number, f"cohort-{number}"
    upcoming.title_th = f"พมส. รุ่นที่ {number}"
    upcoming.title_en = f"Senior Urban Developer, cohort {number}"
    upcoming.save()


def seed(ctx) -> None:
    _make_room_for_the_past()
    venues, facilitator = _venues(), ctx.data["facilitator@example.org"]
    coordinator = ctx.data["coordinator@example.org"]
    learners, start, created = ctx.data["scale_learners"], 0, []
    for index, size in enumerate(cohort_sizes(len(learners))):
        cohort = _cohort(ctx, index)
        if cohort is not None:
            cohort.coordinators.add(coordinator)
            sessions = Session.objects.bulk_create(
                _session_rows(cohort, index, venues, facilitator)
            )
            Session.facilitators.through.objects.bulk_create(
                Session.facilitators.through(session_id=s.pk, user_id=facilitator.pk)
                for s in sessions
                if s.number % 2
            )
            _teams_and_enrolments(ctx, cohort, learners[start : start + size])
            created.append(cohort)
        start += size
    ctx.data["scale_cohorts"] = created
    clear_page_cache()  # what the sessions' post_save would have done, once
    ctx.say(f"Programme scale: {len(created)} cohorts created "
            f"({Enrolment.objects.filter(cohort__in=created).count()} enrolments).")  # fmt: skip
