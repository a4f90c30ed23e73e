"""The admin home's programme panel: reach against the targets, for coordinators only."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_coordinator_sees_the_reach_on_the_admin_home(client, coordinator, programme):
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    assert 'id="programme-panel-heading"' in html
    panel = html[html.index('id="programme-panel-heading"') :]
    assert "<strong>23</strong>" in panel and "2000" in panel  # people, against the target
    assert "<strong>10</strong>" in panel and "300" in panel  # local governments


def test_the_facilitator_sees_no_programme_panel(client, facilitator, programme):
    client.force_login(facilitator)
    html = client.get("/admin/").content.decode()
    assert 'id="programme-panel-heading"' not in html
