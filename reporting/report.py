"""The dashboard handed out: its charts for the screen and the PDF, its XLSX workbook.

One ``charts_for(dashboard)`` draws every chart; the admin screen, the home panel and the
funder's PDF show the same figures. Nothing here names a person.
"""

import io
from typing import Any

from openpyxl import Workbook

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from assignments.models import Submission
from core.dates import MONTHS_TH_SHORT
from core.exports import xlsx_append
from evaluations.charts import bar_chart, trend_chart
from evaluations.selectors import Bar
from reporting import charts
from reporting.selectors import NOT_STARTED, PROJECT_STATUSES, Dashboard, Reach


def project_status_labels() -> list[str]:
    labels = dict(Submission.Status.choices)
    return [str(labels[s]) for s in PROJECT_STATUSES] + [_("Nothing handed in yet")]


def project_status_keys() -> list[str]:
    return [*PROJECT_STATUSES, NOT_STARTED]


def _bars(rows: list[Reach]) -> list[Bar]:
    total = sum(row.people for row in rows) or 1
    return [Bar(row.label, row.people, round(100 * row.people / total)) for row in rows]


def session_label(rate) -> str:
    return _("Session %(number)s") % {"number": rate.session.number}


def evaluation_label(summary) -> str:
    evaluation = summary.evaluation
    end = evaluation.session.number if evaluation.session_id else _("end")
    return f"{evaluation.cohort.number}/{end}"


def _thinned(points: list[tuple], most: int = 12) -> list[tuple]:
    """Every point kept, but at most ``most`` labels under the axis, so they never overlap."""
    step = -(-len(points) // most) or 1
    return [(label if i % step == 0 else "", value) for i, (label, value) in enumerate(points)]


def charts_for(dashboard: Dashboard) -> dict[str, Any]:
    """Every chart of the dashboard, drawn (titles in the active language)."""
    cohorts = {c.pk: c for c in dashboard.cohorts}
    keys = project_status_keys()
    return {
        "people": charts.progress(
            dashboard.people, dashboard.certified, dashboard.targets.people,
            title=_("People reached and certified against the target"),
        ),
        "local_governments": charts.progress(
            dashboard.local_governments, dashboard.local_governments,
            dashboard.targets.local_governments,
            title=_("Local governments reached against the target"),
        ),
        "cohort": bar_chart(_bars(dashboard.by_cohort), title=_("People by cohort")),
        "region": bar_chart(_bars(dashboard.by_region), title=_("People by region")),
        "kind": bar_chart(_bars(dashboard.by_kind), title=_("People by kind of local government")),
        "map": charts.province_map(
            {row.key: row.people for row in dashboard.by_province},
            {row.key: row.label for row in dashboard.by_province},
            title=_("People reached in each of the 77 provinces"),
        ),
        "funnel": charts.funnel(
            [(str(f.cohort), f.enrolled, f.eligible, f.certified) for f in dashboard.funnels],
            title=_("Completion funnel by cohort"),
        ),
        "heatmap": charts.heatmap(
            [
                (cohorts[pk].label_th if translation.get_language() == "th" else
                 _("Cohort %(number)s") % {"number": cohorts[pk].number},
                 [(session_label(r), r.rate) for r in rates])
                for pk, rates in dashboard.heatmap.items()
            ],
            title=_("Attendance rate (per cent) by session and cohort"),
        ),
        "evaluations": trend_chart(
            _thinned([(evaluation_label(s), s.average if s.shown else None)
                      for s in dashboard.evaluations]),
            title=_("Average evaluation rating over time (1–5)"),
        ) if dashboard.evaluations else None,
        "projects": charts.stacked(
            [(row.label or _("No theme yet"), [row.statuses[k] for k in keys])
             for row in dashboard.projects],
            project_status_labels(),
            title=_("Research projects by theme and status"),
        ),
        "months": charts.columns(
            [(_month(row.month), row.issued, row.lookups) for row in dashboard.months],
            (_("Certificates issued"), _("Verification lookups")),
            title=_("Certificates issued and verification lookups per month"),
        ),
    }  # fmt: skip


def tables_for(dashboard: Dashboard) -> dict[str, list[tuple]]:
    """The rows of the tables beside the charts that need more than a loop."""
    cohorts = {c.pk: c for c in dashboard.cohorts}
    keys = project_status_keys()
    return {
        "attendance": [
            (cohorts[pk], rate) for pk, rates in dashboard.heatmap.items() for rate in rates
        ],
        "projects": [
            (row.label or _("No theme yet"), [row.statuses[k] for k in keys], row.total)
            for row in dashboard.projects
        ],
        "months": [(_month(row.month), row.issued, row.lookups) for row in dashboard.months],
    }


def dashboard_context(dashboard: Dashboard) -> dict[str, Any]:
    """What the screen and the PDF render: the figures, the charts and the tables."""
    return {
        "d": dashboard,
        "charts": charts_for(dashboard),
        "tables": tables_for(dashboard),
        "status_labels": project_status_labels(),
    }


def _widths(values: list[int], top: int) -> list[int]:
    return [round(100 * value / top) if top else 0 for value in values]


def html_bars(dashboard: Dashboard) -> dict[str, list]:
    """The PDF's bar charts as HTML rows (label, [(value, width %, colour)]).

    WeasyPrint draws SVG text glyph by glyph, so Thai vowels and tone marks above and
    below a consonant come apart in an SVG label; in HTML, Pango shapes them properly.
    Charts whose labels are Thai are drawn as HTML bars in the PDF for that reason.
    """
    reach = {"cohort": dashboard.by_cohort, "region": dashboard.by_region,
             "kind": dashboard.by_kind}  # fmt: skip
    found: dict[str, list] = {}
    for name, rows in reach.items():
        top = max((row.people for row in rows), default=0)
        found[name] = [
            (row.label, [(row.people, width, charts.DARK)])
            for row, width in zip(rows, _widths([r.people for r in rows], top), strict=True)
        ]
    top = max((f.enrolled for f in dashboard.funnels), default=0)
    colours = (charts.LIGHT, "#5ea6bf", charts.DARK)
    found["funnel"] = [
        (str(f.cohort), list(zip(values, _widths(values, top), colours, strict=True)))
        for f in dashboard.funnels
        for values in [[f.enrolled, f.eligible, f.certified]]
    ]
    keys = project_status_keys()
    top = max((row.total for row in dashboard.projects), default=0)
    found["projects"] = [
        (row.label or _("No theme yet"),
         list(zip(counts, _widths(counts, top), charts.STATUS_COLOURS, strict=False)))
        for row in dashboard.projects
        for counts in [[row.statuses[k] for k in keys]]
    ]  # fmt: skip
    return found


def pdf_charts_for(dashboard: Dashboard) -> dict[str, Any]:
    """The charts the PDF draws as SVG, with labels of digits only (see html_bars)."""
    drawn = charts_for(dashboard)
    drawn["heatmap"] = charts.heatmap(
        [(str(c.number), [(session_label(r), r.rate) for r in dashboard.heatmap.get(c.pk, [])])
         for c in dashboard.cohorts if c.pk in dashboard.heatmap],
        title=_("Attendance rate (per cent) by session and cohort"),
    )  # fmt: skip
    drawn["months"] = charts.columns(
        [(f"{row.month.month}/{str(row.month.year + 543)[-2:]}", row.issued, row.lookups)
         for row in dashboard.months],
        ("", ""), title=_("Certificates issued and verification lookups per month"),
    )  # fmt: skip
    return drawn


def _month(day) -> str:
    """A short month label: "ธ.ค. 69" in Thai (Buddhist Era), "Dec 26" in English."""
    if translation.get_language() == "th":
        return f"{MONTHS_TH_SHORT[day.month - 1]} {str(day.year + 543)[-2:]}"
    return day.strftime("%b %y")


def dashboard_pdf(dashboard: Dashboard) -> bytes:
    """The funder's report: A4, Thai (Laksaman, lang="th"), every chart with its table."""
    from weasyprint import HTML

    with translation.override("th"):
        context = {
            **dashboard_context(dashboard),
            "charts": pdf_charts_for(dashboard),
            "bars": html_bars(dashboard),
            "colours": list(zip(charts.STATUS_COLOURS, project_status_labels(), strict=False)),
            "now": timezone.now(),
        }
        html = render_to_string("reporting/pdf/dashboard.html", context)
    return HTML(string=html).write_pdf()


def dashboard_xlsx(dashboard: Dashboard) -> bytes:
    """One sheet per chart, the same figures as its table."""
    book = Workbook()
    _sheet_targets(book.active, dashboard)
    for name, rows in (
        (_("By cohort"), dashboard.by_cohort),
        (_("By region"), dashboard.by_region),
        (_("By province"), dashboard.by_province),
        (_("By kind"), dashboard.by_kind),
    ):
        sheet = book.create_sheet(name[:31])
        xlsx_append(sheet, [_("Grouped by"), _("People"), _("Certified"), _("Local governments")])
        for row in rows:
            xlsx_append(sheet, [row.label, row.people, row.certified, row.local_governments])
    _sheet_funnel(book.create_sheet(_("Completion")[:31]), dashboard)
    _sheet_attendance(book.create_sheet(_("Attendance")[:31]), dashboard)
    _sheet_evaluations(book.create_sheet(_("Evaluations")[:31]), dashboard)
    _sheet_projects(book.create_sheet(_("Research projects")[:31]), dashboard)
    _sheet_months(book.create_sheet(_("Certificates")[:31]), dashboard)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_targets(sheet, d: Dashboard) -> None:
    sheet.title = _("Targets")[:31]
    xlsx_append(sheet, ["", _("Reached"), _("Target"), _("Percent")])
    xlsx_append(sheet, [_("People"), d.people, d.targets.people, d.people_percent])
    xlsx_append(sheet, [_("Certified"), d.certified, d.targets.people,
                        d.percent_of(d.certified, d.targets.people)])  # fmt: skip
    xlsx_append(sheet, [_("Local governments"), d.local_governments,
                        d.targets.local_governments, d.local_governments_percent])  # fmt: skip
    xlsx_append(
        sheet, [_("Provinces"), d.provinces_reached, 77, round(100 * d.provinces_reached / 77)]
    )


def _sheet_funnel(sheet, d: Dashboard) -> None:
    xlsx_append(sheet, [_("Cohort"), _("Enrolled"), _("Eligible"), _("Certified")])
    for f in d.funnels:
        xlsx_append(sheet, [str(f.cohort), f.enrolled, f.eligible, f.certified])


def _sheet_attendance(sheet, d: Dashboard) -> None:
    xlsx_append(sheet, [_("Cohort"), _("Session"), _("Title"), _("Present or late"),
                        _("Expected"), _("Rate (per cent)")])  # fmt: skip
    cohorts = {c.pk: c for c in d.cohorts}
    for pk, rates in d.heatmap.items():
        for r in rates:
            xlsx_append(sheet, [str(cohorts[pk]), r.session.number, r.session.title_th,
                                r.present, r.expected, r.rate])  # fmt: skip


def _sheet_evaluations(sheet, d: Dashboard) -> None:
    xlsx_append(sheet, [_("Cohort"), _("Evaluation"), _("Responses"), _("Expected"),
                        _("Average (1–5)")])  # fmt: skip
    for s in d.evaluations:
        average = s.average if s.shown else _("fewer than 5")
        xlsx_append(sheet, [str(s.evaluation.cohort), s.evaluation.title_th, s.responses,
                            s.expected, average])  # fmt: skip


def _sheet_projects(sheet, d: Dashboard) -> None:
    xlsx_append(sheet, [_("Theme"), *project_status_labels(), _("Total")])
    for row in d.projects:
        counts = [row.statuses[k] for k in project_status_keys()]
        xlsx_append(sheet, [row.label or _("No theme yet"), *counts, row.total])


def _sheet_months(sheet, d: Dashboard) -> None:
    xlsx_append(sheet, [_("Month"), _("Certificates issued"), _("Verification lookups")])
    for row in d.months:
        xlsx_append(sheet, [row.month.strftime("%Y-%m"), row.issued, row.lookups])
