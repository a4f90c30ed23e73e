"""The admin home's programme panel: reach against the targets, for coordinators only."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_coordinator_sees_the_reach_on_the_admin_home(client, coordinator, programme):
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    assert 'id="programme-panel-heading"' in html
    assert "<strong>23</strong> of 2000" in html and "<strong>10</strong> of 300" in html


def test_the_facilitator_sees_no_programme_panel(client, facilitator, programme):
    client.force_login(facilitator)
    html = client.get("/admin/").content.decode()
    assert 'id="programme-panel-heading"' not in html
