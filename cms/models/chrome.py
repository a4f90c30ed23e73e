"""Navigation and footer, edited as translatable snippets (one set per language)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin


class MenuItem(TranslatableMixin, Orderable):
    """A link in the main navigation: to a page (preferred) or to an address."""

    label = models.CharField(pgettext_lazy("menu item", "label"), max_length=64)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The link follows the visitor's language to the page's translation."),
    )
    url = models.CharField(
        _("address"),
        max_length=255,
        blank=True,
        help_text=_("Only when no page is chosen, e.g. /search/."),
    )

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if not self.page_id and not self.url:
            raise ValidationError(_("Choose a page or type an address."))


class FooterText(TranslatableMixin, models.Model):
    """The footer: who runs the programme and how to reach them."""

    body = RichTextField(_("footer text"), features=["bold", "italic", "link"])
    contact_email = models.EmailField(_("contact email"), blank=True)

    panels = [FieldPanel("body"), FieldPanel("contact_email")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footer")

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale})"
