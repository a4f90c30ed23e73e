"""Materials and announcements in the admin: two ModelViewSets in a group, plus reports."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from accounts.access import is_coordinator
from core.admin_dates import DateColumn
from core.menu import ADMIN_MENU_ORDER
from learning import admin_urls, services
from learning.access import teaches_material
from learning.forms import AnnouncementForm, MaterialForm
from learning.models import Announcement, Material


def _new_file(form, name: str):
    return form.cleaned_data.get(name) if name in form.changed_data else None


def _save_material(view):
    """Create and edit both go through the service (it checks who may add it, and the file)."""
    upload = _new_file(view.form, "file")
    return services.material_save(material=view.form.instance, by=view.request.user, upload=upload)


class MaterialIndexView(generic.IndexView):
    def get_base_queryset(self):
        materials = super().get_base_queryset().select_related("session__cohort", "module")
        if not is_coordinator(self.request.user):
            materials = materials.filter(session__facilitators=self.request.user)
        return materials.annotate(open_count=Count("opens"))


class MaterialCreateView(generic.CreateView):
    def save_instance(self):
        return _save_material(self)


class TaughtMaterialMixin:
    """A screen of one material opens only for those who teach it (its session's
    facilitators, coordinators): by its address a copy form or its history would show it."""

    def get_object(self, *args, **kwargs):
        material = super().get_object(*args, **kwargs)
        if not teaches_material(self.request.user, material):
            raise PermissionDenied
        return material


class MaterialEditView(TaughtMaterialMixin, generic.EditView):
    def save_instance(self):
        return _save_material(self)


class MaterialDeleteView(TaughtMaterialMixin, generic.DeleteView):
    pass


class MaterialCopyView(TaughtMaterialMixin, generic.CopyView):
    pass


class MaterialHistoryView(TaughtMaterialMixin, history.HistoryView):
    pass


class MaterialUsageView(TaughtMaterialMixin, usage.UsageView):
    pass


class MaterialViewSet(ModelViewSet):
    model = Material
    icon = "doc-full-inverse"
    menu_label = gettext_lazy("Materials")
    url_prefix = "materials"
    url_namespace = "material_admin"
    index_view_class = MaterialIndexView
    add_view_class = MaterialCreateView
    edit_view_class = MaterialEditView
    delete_view_class = MaterialDeleteView
    copy_view_class = MaterialCopyView
    history_view_class = MaterialHistoryView
    usage_view_class = MaterialUsageView
    edit_handler = ObjectList(
        [FieldPanel(name) for name in (
            "session", "module", "title_th", "title_en", "kind", "file", "url",
            "available_from", "visibility",
        )],
        base_form_class=MaterialForm,
    )  # fmt: skip
    list_display = [
        "title_th",
        "session",
        "module",
        "kind",
        DateColumn("available_from", label=Material._meta.get_field("available_from").verbose_name),
        TitleColumn(
            "open_count",
            label=gettext_lazy("Opened"),
            get_url=lambda m: reverse("learning_admin:material_uptake", args=[m.pk]),
        ),
    ]
    list_filter = ["kind", "visibility", "session__cohort"]
    search_fields = ["title_th", "title_en"]
    ordering = ["-available_from"]


def _publish(view):
    upload = _new_file(view.form, "attachment")
    return services.announcement_publish(
        announcement=view.form.instance, by=view.request.user, upload=upload
    )


class AnnouncementIndexView(generic.IndexView):
    def get_base_queryset(self):
        found = super().get_base_queryset().select_related("cohort", "team")
        return found.annotate(read_count=Count("reads"))


class AnnouncementCreateView(generic.CreateView):
    def save_instance(self):
        return _publish(self)


class AnnouncementEditView(generic.EditView):
    def save_instance(self):
        return _publish(self)


class AnnouncementViewSet(ModelViewSet):
    model = Announcement
    icon = "mail"
    menu_label = gettext_lazy("Announcements")
    url_prefix = "announcements"
    url_namespace = "announcement_admin"
    index_view_class = AnnouncementIndexView
    add_view_class = AnnouncementCreateView
    edit_view_class = AnnouncementEditView
    edit_handler = ObjectList(
        [FieldPanel(name) for name in (
            "audience", "cohort", "team", "session", "title_th", "title_en", "body_th", "body_en",
            "attachment", "pinned_until",
        )],
        base_form_class=AnnouncementForm,
    )  # fmt: skip
    list_display = [
        "title_th",
        "audience",
        "cohort",
        "team",
        DateColumn("published_at", label=Announcement._meta.get_field("published_at").verbose_name),
        TitleColumn(
            "read_count",
            label=gettext_lazy("Read"),
            get_url=lambda a: reverse("learning_admin:announcement_uptake", args=[a.pk]),
        ),
    ]
    list_filter = ["audience", "cohort"]
    search_fields = ["title_th", "title_en", "body_th"]


class LearningGroup(ViewSetGroup):
    menu_label = gettext_lazy("Materials and announcements")
    menu_name = "learning"
    menu_icon = "doc-full-inverse"
    menu_order = ADMIN_MENU_ORDER["learning"]
    items = [MaterialViewSet(), AnnouncementViewSet()]


@hooks.register("register_admin_viewset")
def register_learning_group():
    return LearningGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("learning/", include(admin_urls))]
