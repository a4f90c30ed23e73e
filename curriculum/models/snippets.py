"""Snippets reused across pages: facilitators and partner organisations."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Facilitator(TranslatableMixin, index.Indexed, models.Model):
    """A lecturer or advisor shown on module pages (translated per locale)."""

    title_prefix = models.CharField(
        _("title prefix"),
        max_length=64,
        blank=True,
        help_text=_("Academic or official title, e.g. รศ.ดร. / Assoc. Prof. Dr."),
    )
    name = models.CharField(_("name"), max_length=255)
    position = models.CharField(_("position"), max_length=255, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("platform account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: the facilitator's account, to link sessions they teach."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("title_prefix"), FieldPanel("name"), FieldPanel("photo")],
            heading=_("Person"),
        ),
        FieldPanel("position"),
        FieldPanel("organisation"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("facilitator")
        verbose_name_plural = _("facilitators")

    def __str__(self):
        return f"{self.title_prefix}{self.name}".strip()


class Partner(TranslatableMixin, models.Model):
    """A partner organisation shown with its logo on the programme page."""

    name = models.CharField(_("name"), max_length=255)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("website"), blank=True)
    role = models.CharField(
        _("role in the programme"),
        max_length=255,
        blank=True,
        help_text=_("e.g. funder, academic partner (ผู้ให้ทุน, ภาคีวิชาการ)"),
    )

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("url"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name
