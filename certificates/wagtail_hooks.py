from django.db import transaction
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from accounts.admin_menu import CoordinatorMenuItem
from certificates import admin_urls, selectors, services
from certificates.models import CertificateTemplate
from core.menu import ADMIN_MENU_ORDER


class PreviewColumn(Column):
    def get_value(self, instance):
        url = reverse("certificates_admin:template_preview", args=[instance.pk])
        return format_html('<a href="{}" target="_blank">{}</a>', url, _("Preview PDF"))


class CertificateTemplateDeleteView(DeleteView):
    """Deleting goes through the service: a template in use is refused with a message."""

    template_name = "certificates/admin/template_confirm_delete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        usage = selectors.template_usage(self.object)
        if usage.in_use:
            context["is_protected"] = True
            context["in_use_message"] = services.template_in_use_message(usage)
        return context

    def delete_action(self):
        with transaction.atomic():
            log(instance=self.object, action="wagtail.delete")
            services.template_delete(template=self.object)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.CertificateError as exc:
            messages.error(self.request, str(exc))
            return redirect("certificate_templates:edit", self.object.pk)


class CertificateTemplateViewSet(ModelViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    delete_view_class = CertificateTemplateDeleteView
    menu_label = _("Certificate templates")
    add_to_admin_menu = False
    list_display = [
        "name",
        # Wagtail's tick and cross; templates/wagtailadmin/tables/boolean_cell.html
        # gives them Thai titles for screen readers.
        BooleanColumn(
            "is_default",
            label=CertificateTemplate._meta.get_field("is_default").verbose_name,
            sort_key="is_default",
        ),
        PreviewColumn("preview", label=_("Preview")),
    ]
    search_fields = ["name"]
    ordering = ["name"]


certificate_template_viewset = CertificateTemplateViewSet("certificate_templates")


@hooks.register("register_admin_viewset")
def register_template_viewset():
    return certificate_template_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("issued-certificates/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return CoordinatorMenuItem(
        _("Certificates"),
        reverse("certificates_admin:index"),
        name="certificates",
        icon_name="doc-full-inverse",
        order=ADMIN_MENU_ORDER["certificates"],
    )


@hooks.register("register_admin_menu_item")
def register_templates_menu_item():
    return CoordinatorMenuItem(
        _("Certificate templates"),
        reverse("certificate_templates:index"),
        name="certificate-templates",
        icon_name="doc-full",
        order=ADMIN_MENU_ORDER["certificate-templates"],
    )
