"""The admin form every site page uses: readable Thai addresses, and a clear word on drafts."""

import unicodedata

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from cms.slugs import validate_page_slug


class SitePageForm(WagtailAdminPageForm):
    """Accepts Thai slugs with their vowels and tone marks; names the draft holding a slug."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # forms.SlugField's own validator refuses combining marks (ศึกษา): ours keeps them.
            self.fields["slug"].validators = [validate_page_slug]

    def clean_slug(self):
        return unicodedata.normalize("NFC", self.cleaned_data["slug"])

    def clean(self):
        slug = self.cleaned_data.get("slug")
        cleaned_data = super().clean()
        if slug and "slug" in self.errors:
            draft = abandoned_draft(parent=self.parent_page, slug=slug, page=self.instance)
            if draft is not None:
                self.errors["slug"] = self.error_class([draft_holds_slug(draft)])
        return cleaned_data


def abandoned_draft(*, parent, slug: str, page) -> Page | None:
    """The never-published sibling draft that holds `slug` under `parent`, if that is the clash."""
    if parent is None:
        return None
    siblings = parent.get_children().filter(slug=slug).exclude(pk=page.pk)
    clash = siblings.first()
    if clash is None or clash.live or clash.first_published_at is not None:
        return None
    return clash


def draft_holds_slug(draft: Page) -> forms.ValidationError:
    """The error an editor reads: which draft holds the address and how to go on."""
    message = format_html(
        _(
            "An unpublished draft, “{title}”, already uses this address. "
            '<a href="{url}">Open the draft</a> to carry on with it (or delete it), '
            "or choose another address."
        ),
        title=draft.get_admin_display_title(),
        url=reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
    )
    return forms.ValidationError(message, code="slug_held_by_draft")
