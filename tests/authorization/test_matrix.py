"""Every URL the resolver knows, for every role, answers as declared in expected.py.

One test per URL pattern and role (`-k 'me/profile/'` runs one URL). The objects are built
once for the module (world.py) and rolled back at its end; each test runs in a savepoint.
A role refused a URL also POSTs to it, and the database must not have been written: the
per-transaction write counters of PostgreSQL (pg_stat_xact_user_tables) count every row
inserted, updated or deleted in any table, so a refused view that saves anything shows.
"""

import fnmatch
from urllib.parse import urlsplit

import pytest

from django.conf import settings
from django.db import connection, transaction
from django.test import Client

from tests.authorization.expected import (
    GROUPS,
    LOGIN,
    NOT_ALLOWED,
    OK,
    OURS,
    AnyOf,
    E,
    Redirect,
    _refused,
)
from tests.authorization.parameters import (
    names_a_cohort_object,
    other_cohort_values,
    samples,
    values_for,
)
from tests.authorization.walk import address as fill_address
from tests.authorization.walk import patterns
from tests.authorization.world import ROLES, SECRET, build_world
from tests.core.test_every_export import EXPORTS

pytestmark = pytest.mark.django_db
PATTERNS = patterns()
# A refused request may still save its session (a message, where to go after login).
NOT_DATA = ("django_session",)
POST_DATA = {
    "reason": "ไม่ควรทำได้",
    "public": "1",
    "text": "งานที่ไม่ควรส่งได้",
    "feedback": "ไม่ควรบันทึกได้",
    "decision": "accepted",
    "status": "absent",
    "code": "123456",
    "name": "ไม่ควรสร้างได้",
    "title": "ไม่ควรสร้างได้",
}
LOGIN_PATHS = {"/accounts/login/", "/en/accounts/login/", "/admin/login/"}
SPREADSHEETS = ("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml")


def declared(route: str) -> tuple[E | None, str]:
    """The route's declared answers and where they come from."""
    if route in OURS:
        return OURS[route], "OURS"
    for group in sorted(GROUPS, key=lambda g: len(g.prefix), reverse=True):
        if route.startswith(group.prefix) and (not group.only or route in group.only):
            return group.expect, group.reason
    return None, ""


def _cases():
    for pattern in PATTERNS:
        expect, _source = declared(pattern.route)
        if expect is None:
            continue
        languages = ("th", "en") if pattern.localised and pattern.route in OURS else ("th",)
        for language in languages:
            for index, role in enumerate(ROLES):
                case = (pattern.route, language, role, index)
                label = ("en/" if language == "en" else "") + pattern.route
                yield pytest.param(*case, id=f"{label}-{role}")


CASES = list(_cases())
POST_CASES = [
    case for case in CASES if declared(case.values[0])[0].posts()[case.values[3]] is not None
]


# Our URLs a facilitator reads for their own cohort whose id names no cohort's object, each
# with the reason another cohort's id there shows nothing private
NOT_ABOUT_A_COHORT = {
    "attendance/check-in/<str:token>/": "the session's public title; only its learners POST",
    **{
        f"admin/snippets/choose/{model}/chosen/<str:pk>/": "site content, of no cohort"
        for model in (
            "cms/menuitem",
            "cms/footertext",
            "curriculum/facilitator",
            "curriculum/partner",
        )
    },
}


def _reads(answer) -> bool:
    return not _refused(answer) and answer != NOT_ALLOWED


def _facilitator_reads_privately(route: str) -> bool:
    """Our URL, not public, with a parameter, that the facilitator reads for their cohort."""
    expect = OURS.get(route)
    return (
        expect is not None and "<" in route and expect.answers[0] != OK
        and _reads(expect.answers[3])
    )  # fmt: skip


ACROSS = [
    pytest.param(pattern.route, role, id=f"{pattern.route}-{role}")
    for pattern in PATTERNS
    if _facilitator_reads_privately(pattern.route) and names_a_cohort_object(pattern.route)
    for role in ("facilitator", "coordinator")
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        world = build_world()
        world.objects["samples"] = samples(world)
        world.objects["clients"] = _clients(world)
        world.objects["sessions"] = {
            role: client.session.session_key if world.people[role] else None
            for role, client in world.clients.items()
        }
        yield world
        transaction.set_rollback(True)


def _clients(world) -> dict[str, Client]:
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if world.people[role] is not None:
            clients[role].force_login(world.people[role])
    return clients


@pytest.fixture
def client_of(world):
    """The role's signed-in client, with the session it had when the module started (a test
    that logged out or cycled the key rolled that back, but not the client's cookie)."""

    def client_of(role: str) -> Client:
        client = world.clients[role]
        client.cookies.clear()
        if world.sessions[role] is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
        return client

    return client_of


def _address(world, route: str, language: str) -> str:
    path = fill_address(route, values_for(route, world), world.samples)
    return f"/en{path}" if language == "en" else path


def _matches(response, answer, language: str) -> bool:
    if isinstance(answer, AnyOf):
        return any(_matches(response, a, language) for a in answer.answers)
    location = urlsplit(response.get("Location", ""))
    if answer == LOGIN:
        return (
            response.status_code == 302
            and location.path in LOGIN_PATHS
            and "next" in (location.query + location.path)
        ) or (response.status_code == 302 and "login" in location.path and "next" in location.query)
    if isinstance(answer, Redirect):
        path = location.path.removeprefix("/en") if language == "en" else location.path
        return response.status_code in (301, 302) and fnmatch.fnmatch(path, answer.to)
    return response.status_code == answer


def _describe(response) -> str:
    return f"{response.status_code} {response.get('Location', '')}".strip()


def _writes() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables"
            " WHERE relname <> ALL(%s)",
            [list(NOT_DATA)],
        )
        return dict(cursor.fetchall())


def _changed(before: dict, after: dict) -> list[str]:
    return sorted(name for name, count in after.items() if count != before.get(name, 0))


def _shows_the_other_cohort(response, role: str) -> bool:
    if role in ("other_learner", "coordinator") or response.status_code != 200:
        return False
    if response.streaming or not response.get("Content-Type", "").startswith(
        ("text/", "application/json")
    ):
        return False
    return SECRET in response.content.decode(errors="ignore")


def test_every_url_is_declared():
    missing = [
        f"{pattern.route}  (name: {pattern.name})"
        for pattern in PATTERNS
        if declared(pattern.route)[0] is None
    ]
    assert not missing, "declare these URLs in tests/authorization/expected.py:\n" + "\n".join(
        missing
    )


def test_no_declaration_outlives_its_url():
    routes = {pattern.route for pattern in PATTERNS}
    assert not sorted(set(OURS) - routes)


@pytest.mark.parametrize(("route", "language", "role", "index"), CASES)
def test_get_answers_as_declared(world, client_of, postgres, route, language, role, index):
    expect, source = declared(route)
    answer = expect.answers[index]
    client = client_of(role)
    client.raise_request_exception = answer != 500
    url = _address(world, route, language)
    response = client.get(url)
    assert _matches(response, answer, language), (
        f"{role} GET {url}: got {_describe(response)}, declared {answer} ({source})"
    )
    assert not _shows_the_other_cohort(response, role), f"{role} reads another cohort at {url}"
    assert route in EXPORTS or not response.get("Content-Type", "").startswith(SPREADSHEETS), (
        f"{url} answers a spreadsheet: declare it in tests/core/test_every_export.py"
    )


@pytest.mark.parametrize(("route", "language", "role", "index"), POST_CASES)
def test_refused_post_changes_nothing(world, client_of, postgres, route, language, role, index):
    expect, source = declared(route)
    answer = expect.posts()[index]
    url = _address(world, route, language)
    before = _writes()
    response = client_of(role).post(url, POST_DATA)
    assert _matches(response, answer, language), (
        f"{role} POST {url}: got {_describe(response)}, declared {answer} ({source})"
    )
    assert not _changed(before, _writes()), f"{role} POST {url} wrote {_changed(before, _writes())}"


def test_every_private_url_a_facilitator_reads_is_tried_with_another_cohorts_id():
    unchecked = [
        pattern.route
        for pattern in PATTERNS
        if _facilitator_reads_privately(pattern.route)
        and not names_a_cohort_object(pattern.route)
        and pattern.route not in NOT_ABOUT_A_COHORT
    ]
    assert not unchecked, "name its other-cohort object in parameters.OTHER_PK_BY_PREFIX"


@pytest.mark.parametrize(("route", "role"), ACROSS)
def test_a_facilitator_cannot_open_another_cohorts_object_by_id(world, client_of, route, role):
    """The facilitator teaches the learner's cohort only: the same address with the other
    cohort's id is refused (403, 404 or Wagtail's redirect); coordinators open it."""
    url = fill_address(route, other_cohort_values(route, world), world.samples)
    response = client_of(role).get(url)
    if role == "coordinator":
        answer = OURS[route].answers[4]
        assert _matches(response, answer, "th"), f"coordinator GET {url}: {_describe(response)}"
        return
    refused = response.status_code in (403, 404) or _matches(response, Redirect("/admin/"), "th")
    assert refused, f"facilitator GET {url} (another cohort's): got {_describe(response)}"
    assert SECRET not in response.content.decode(errors="ignore")


def test_the_write_counters_see_a_write(world, postgres):
    """The check above can fail: a row saved in the test's savepoint shows in the counters."""
    before = _writes()
    world.objects["venue"].save()
    assert "cohorts_venue" in _changed(before, _writes())
