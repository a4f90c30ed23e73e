"""The public impact page's figures: counted by a periodic job, aggregates only.

``impact_refresh()`` counts people, local governments, provinces and research projects
and stores them as one ImpactSnapshot (counts keyed by province code, theme and kind,
never a name or an id of a person); the page shows the newest one, so a visitor's
request never reads learners' rows. Refreshing clears the public page cache.
"""

from typing import Any

from django.db.models import Count
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Organisation, Province
from cms.page_cache import clear_page_cache
from cohorts.models import Enrolment, Team
from curriculum.themes import ResearchTheme
from evaluations.charts import bar_chart
from evaluations.selectors import Bar
from reporting import charts
from reporting.models import ImpactSnapshot, ProgrammeTargets

KEEP_SNAPSHOTS = 30


def impact_figures() -> dict[str, Any]:
    """People, certified people, local governments, and counts by province, kind and theme."""
    rows = list(
        Enrolment.objects.current()
        .values_list(
            "user_id",
            "status",
            "organisation_snapshot_id",
            "organisation_snapshot__kind",
            "organisation_snapshot__province__code",
        )
        .order_by()
    )
    governments = {
        (org, kind, province)
        for _user, _status, org, kind, province in rows
        if org and kind in Organisation.LOCAL_GOVERNMENT_KINDS
    }
    provinces: dict[str, set] = {}
    for user, _status, _org, _kind, province in rows:
        if province:
            provinces.setdefault(province, set()).add(user)
    kinds: dict[str, int] = {}
    for _org, kind, _province in governments:
        kinds[kind] = kinds.get(kind, 0) + 1
    themes = dict(
        Team.objects.exclude(theme="").values("theme").annotate(n=Count("pk"))
        .values_list("theme", "n").order_by()
    )  # fmt: skip
    targets = ProgrammeTargets.load()
    return {
        "people": len({row[0] for row in rows}),
        "certified": len({row[0] for row in rows if row[1] == Enrolment.Status.COMPLETED}),
        "local_governments": len(governments),
        "provinces": {code: len(users) for code, users in provinces.items()},
        "kinds": kinds,
        "themes": themes,
        "projects": sum(themes.values()),
        "targets": {"people": targets.people, "local_governments": targets.local_governments},
    }


def impact_refresh() -> ImpactSnapshot:
    """Count the figures anew, keep the last few snapshots, clear the public pages' cache."""
    snapshot = ImpactSnapshot.objects.create(figures=impact_figures())
    old = ImpactSnapshot.objects.order_by("-computed_at").values_list("pk", flat=True)[
        KEEP_SNAPSHOTS:
    ]
    ImpactSnapshot.objects.filter(pk__in=list(old)).delete()
    clear_page_cache()
    return snapshot


def impact_context() -> dict[str, Any]:
    """What the impact page shows: the newest figures, the map and the themes, drawn."""
    snapshot = ImpactSnapshot.objects.order_by("-computed_at").first()
    if snapshot is None:
        return {"snapshot": None}
    figures = snapshot.figures
    english = translation.get_language() == "en"
    names = {
        code: (name_en if english else name_th)
        for code, name_th, name_en in Province.objects.values_list("code", "name_th", "name_en")
    }
    provinces = figures.get("provinces", {})
    themes = [
        (str(theme.label), figures.get("themes", {}).get(theme.value, 0)) for theme in ResearchTheme
    ]
    total = sum(n for _label, n in themes) or 1
    return {
        "snapshot": snapshot,
        "figures": figures,
        "provinces_reached": len(provinces),
        "province_rows": sorted(
            ((names.get(code, code), n) for code, n in provinces.items()), key=lambda r: -r[1]
        ),
        "theme_rows": themes,
        "map": charts.province_map(
            provinces, names, title=_("People reached in each of the 77 provinces")
        ),
        "themes_chart": _themes_chart(themes, total),
    }


def _themes_chart(themes, total):
    bars = [Bar(label, n, round(100 * n / total)) for label, n in themes]
    return bar_chart(bars, title=_("Research projects by theme"))
