"""The three roles as groups, with the permissions each needs.

Kept in code and re-applied after every migrate, so a new permission reaches
existing installations. Apps add their models' permissions here.
"""

from django.apps import apps as global_apps

COORDINATOR = "Coordinator"
FACILITATOR = "Facilitator"
LEARNER = "Learner"

ROLE_PERMISSIONS: dict[str, list[str]] = {
    COORDINATOR: [
        "wagtailadmin.access_admin",
        "accounts.add_organisation",
        "accounts.change_organisation",
        "accounts.delete_organisation",
        "accounts.view_organisation",
        "accounts.view_province",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "django_celery_beat.view_periodictask",
        "django_celery_beat.change_periodictask",
        # Site content (issue 3): snippets and translations.
        *(
            f"{app}.{action}_{model}"
            for app, model in (
                ("curriculum", "facilitator"),
                ("curriculum", "partner"),
                ("cms", "menuitem"),
                ("cms", "footertext"),
            )
            for action in ("add", "change", "delete", "view")
        ),
        "simple_translation.submit_translation",
        # cohorts (issue 4)
        "cohorts.add_cohort",
        "cohorts.change_cohort",
        "cohorts.view_cohort",
        "cohorts.add_session",
        "cohorts.change_session",
        "cohorts.view_session",
        "cohorts.add_venue",
        "cohorts.change_venue",
        "cohorts.view_venue",
        "cohorts.add_team",
        "cohorts.change_team",
        "cohorts.view_team",
        "cohorts.add_enrolment",
        "cohorts.change_enrolment",
        "cohorts.view_enrolment",
        "cohorts.delete_session",
        # public holidays, warned about when scheduling (issue 13)
        "cohorts.add_publicholiday",
        "cohorts.change_publicholiday",
        "cohorts.delete_publicholiday",
        "cohorts.view_publicholiday",
        # attendance (issue 5)
        "attendance.add_attendancerecord",
        "attendance.change_attendancerecord",
        "attendance.view_attendancerecord",
        "attendance.view_attendancechange",
        "attendance.add_completionrule",
        "attendance.change_completionrule",
        "attendance.view_completionrule",
        "attendance.add_checkinsettings",
        "attendance.change_checkinsettings",
        "attendance.view_checkinsettings",
        # assignments (issue 6): submissions and reviews change only through the services
        "assignments.add_assignment",
        "assignments.change_assignment",
        "assignments.delete_assignment",
        "assignments.view_assignment",
        "assignments.add_extension",
        "assignments.change_extension",
        "assignments.delete_extension",
        "assignments.view_extension",
        "assignments.view_submission",
        # certificates (issue 7)
        "certificates.add_certificatetemplate",
        "certificates.change_certificatetemplate",
        "certificates.delete_certificatetemplate",
        "certificates.view_certificatetemplate",
        "certificates.view_certificate",
        "certificates.change_certificate",
        "certificates.view_issuancebatch",
        "certificates.view_verificationlookup",
    ],
    FACILITATOR: [
        "wagtailadmin.access_admin",
        "accounts.view_organisation",
        # cohorts (issue 4)
        "cohorts.view_cohort",
        "cohorts.view_session",
        "cohorts.view_venue",
        "cohorts.view_team",
        "cohorts.view_enrolment",
        # attendance (issue 5): marking is limited to their own sessions in attendance.access
        "attendance.add_attendancerecord",
        "attendance.change_attendancerecord",
        "attendance.view_attendancerecord",
        "assignments.view_assignment",  # assignments (issue 6)
    ],
    LEARNER: [],
}

# Page permissions on the whole tree for coordinators (they edit site content).
COORDINATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "delete_page"]


def _permissions(names, Permission):
    for name in names:
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            yield permission


def sync_roles(sender=None, apps=global_apps, **kwargs):
    """Create the role groups and give them their permissions (idempotent)."""
    # post_migrate fires once per app; permissions exist only after the last one.
    with_models = [config for config in global_apps.get_app_configs() if config.models_module]
    if sender is not None and sender is not with_models[-1]:
        return
    from django.contrib.auth.models import Group, Permission

    for role, names in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(*_permissions(names, Permission))
    _grant_page_permissions()
    _grant_collection_permissions()


def _grant_page_permissions():
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission, Page

    root = Page.get_first_root_node()
    if root is None:
        return
    group = Group.objects.get(name=COORDINATOR)
    for codename in COORDINATOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def _grant_collection_permissions():
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    group = Group.objects.get(name=COORDINATOR)
    for app_label, codenames in {
        "wagtailimages": ["add_image", "change_image", "choose_image"],
        "wagtaildocs": ["add_document", "change_document", "choose_document"],
    }.items():
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
