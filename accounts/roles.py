"""The three roles as groups, with the permissions each needs.

Kept in code and re-applied after every migrate, so a new permission reaches
existing installations. Each app registers its own models' permissions
(``<app>/roles.py``, registered in its AppConfig.ready()).
"""

from collections.abc import Iterable

from django.apps import apps as global_apps

COORDINATOR = "Coordinator"
FACILITATOR = "Facilitator"
LEARNER = "Learner"

# What each role may do, merged from every app: an app declares its own models'
# permissions in ``<app>/roles.py`` and registers them from AppConfig.ready()
# with ``register_role_permissions`` (like /me/ panels and completion checks).
_ROLE_PERMISSIONS: dict[str, list[str]] = {COORDINATOR: [], FACILITATOR: [], LEARNER: []}


def register_role_permissions(grants: dict[str, Iterable[str]]) -> None:
    """Add ``{role: ["app_label.codename", ...]}`` to the roles (idempotent)."""
    for role, names in grants.items():
        known = _ROLE_PERMISSIONS.setdefault(role, [])
        known += [name for name in names if name not in known]


def role_permissions() -> dict[str, list[str]]:
    """Every role with the permissions all apps registered for it."""
    return {role: list(names) for role, names in _ROLE_PERMISSIONS.items()}


def model_permissions(app_label: str, model: str, actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{action}_{model}" for action in actions]


# The platform's own: the admin, people's organisations, images and documents,
# periodic jobs, translations. Registered by accounts itself.
PLATFORM_PERMISSIONS: dict[str, list[str]] = {
    COORDINATOR: [
        "wagtailadmin.access_admin",
        *model_permissions("accounts", "organisation"),
        "accounts.view_province",
        "accounts.add_privacynotice",  # write and publish a new version
        "accounts.view_privacynotice",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
        "django_celery_beat.view_periodictask",
        "django_celery_beat.change_periodictask",
        "wagtail_localize.submit_translation",
    ],
    FACILITATOR: ["wagtailadmin.access_admin", "accounts.view_organisation"],
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

    for role, names in role_permissions().items():
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
