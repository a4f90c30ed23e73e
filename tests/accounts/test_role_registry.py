"""Each app registers its own role permissions; syncing after migrate merges them."""

import pytest

from django.contrib.auth.models import Group

from accounts import roles

pytestmark = pytest.mark.django_db


def _names(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_after_migrate_each_role_holds_what_every_app_registered():
    coordinator = _names(roles.COORDINATOR)
    for name in (
        "wagtailadmin.access_admin",  # accounts (the platform)
        "cms.change_menuitem",
        "curriculum.add_partner",
        "cohorts.add_cohort",
        "attendance.change_completionrule",
        "assignments.view_submission",
        "certificates.change_certificate",
    ):
        assert name in coordinator
    assert "attendance.add_attendancerecord" in _names(roles.FACILITATOR)
    assert "certificates.change_certificate" not in _names(roles.FACILITATOR)
    assert not _names(roles.LEARNER)


def test_a_permission_an_app_registers_reaches_the_group_on_the_next_sync(monkeypatch):
    registry = {role: list(names) for role, names in roles.role_permissions().items()}
    monkeypatch.setattr(roles, "_ROLE_PERMISSIONS", registry)
    assert "cohorts.delete_team" not in _names(roles.FACILITATOR)
    roles.register_role_permissions({roles.FACILITATOR: ["cohorts.delete_team"]})
    roles.register_role_permissions({roles.FACILITATOR: ["cohorts.delete_team"]})
    assert roles.role_permissions()[roles.FACILITATOR].count("cohorts.delete_team") == 1
    roles.sync_roles()
    assert "cohorts.delete_team" in _names(roles.FACILITATOR)
