"""The programme observer (funders, partners): the dashboard, and nothing else of the admin."""

import pytest

from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver

from reporting.roles import OBSERVER
from tests.core.test_admin_menu import sidebar_names

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/reporting/"


def admin_routes(patterns=None, prefix=""):
    """Every admin address without parameters, from the URL resolver."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and _plain_admin(route):
            yield "/" + route


def _plain_admin(route: str) -> bool:
    return route.startswith("admin/") and not any(mark in route for mark in "<^$(\\")


def test_the_observer_group_holds_only_the_door_and_the_dashboard():
    group = Group.objects.get(name=OBSERVER)
    names = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert names == {"wagtailadmin.access_admin", "reporting.view_dashboard"}


def test_the_admin_home_sends_the_observer_to_the_dashboard(client, observer):
    client.force_login(observer)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_the_observer_downloads_the_figures_and_the_report(client, observer, programme):
    client.force_login(observer)
    xlsx = client.get(f"{DASHBOARD}dashboard.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    pdf = client.get(f"{DASHBOARD}report.pdf")
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"


def test_every_other_admin_address_refuses_the_observer_and_changes_nothing(client, observer):
    client.force_login(observer)
    assets = {"/admin/sprite/", "/admin/jsi18n/"}  # what every admin page fetches
    routes = sorted(set(admin_routes()) - {"/admin/", "/admin/logout/"} - assets)
    routes = [r for r in routes if not r.startswith(DASHBOARD)]
    assert len(routes) > 40 and "/admin/pages/" in routes
    groups = list(Group.objects.order_by("pk").values_list("name", flat=True))
    for route in routes:
        response = client.get(route)
        assert response.status_code == 403, route
        assert client.post(route, {"name": "x"}).status_code == 403, route
    assert list(Group.objects.order_by("pk").values_list("name", flat=True)) == groups


def test_the_dashboards_own_assets_answer_the_observer(client, observer):
    """Wagtail's script fetches the icon sprite and writes it into the page: a 403 there put
    the refusal page inside the observer's dashboard (seen in the browser)."""
    client.force_login(observer)
    sprite = client.get("/admin/sprite/")
    assert sprite.status_code == 200 and b"<svg" in sprite.content
    assert client.get("/admin/jsi18n/").status_code == 200


def test_the_observer_is_refused_at_admin_addresses_with_ids(client, observer, cohort):
    client.force_login(observer)
    for route in (
        f"/admin/evaluations/cohort/{cohort.pk}/",
        f"/admin/issued-certificates/cohort/{cohort.pk}/",
        "/admin/settings/reporting/programmetargets/",
        "/admin/pages/2/edit/",
    ):
        assert client.get(route).status_code == 403, route


def test_the_sidebar_shows_the_dashboard_to_coordinators_and_observers_only(
    client, observer, coordinator, facilitator
):
    for person, shown in ((observer, True), (coordinator, True), (facilitator, False)):
        client.force_login(person)
        page = client.get(DASHBOARD if shown else "/admin/").content.decode()
        names = sidebar_names(page)
        assert ("programme-dashboard" in names) == shown, person
        if person == observer:  # nothing else in the observer's sidebar, Wagtail's own too
            assert names == ["programme-dashboard"]


def test_a_coordinator_who_is_also_an_observer_keeps_the_whole_admin(client, coordinator):
    coordinator.groups.add(Group.objects.get(name=OBSERVER))
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/evaluations/").status_code == 200
