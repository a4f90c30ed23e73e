"""The public application form and the screening forms."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation, Province
from accounts.regions import Region
from admissions.models import Application
from curriculum.themes import ResearchTheme

LETTER_SALT = "admissions.letter"


class OrganisationSelect(forms.Select):
    """Each option carries its province and kind, so apply.js can narrow the list."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-province"] = str(instance.province_id)
            option["attrs"]["data-kind"] = instance.kind
        return option


class OrganisationChoice(forms.ModelChoiceField):
    widget = OrganisationSelect

    def label_from_instance(self, obj):
        return f"{obj.name_th} ({obj.province.name_th})"


class ApplicationForm(forms.ModelForm):
    """Everything typed; the letter is checked apart (core.uploads) so a kept letter survives
    another field's mistake, and the honeypot is a field no person sees."""

    organisation = OrganisationChoice(
        label=_("Organisation (from the registry)"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— not in the list: type it below —"),
    )
    letter = forms.FileField(
        label=_("Nomination letter (PDF)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    letter_token = forms.CharField(required=False, widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_(
            "I have read the privacy notice and agree that the programme keeps and uses "
            "these details to consider my application."
        ),
        required=True,
        error_messages={"required": _("Please agree to the privacy notice to apply.")},
    )
    # Honeypot: hidden from people by CSS and from screen readers; bots fill every field.
    website = forms.CharField(label=_("Leave this empty"), required=False)

    class Meta:
        model = Application
        fields = [
            "title_prefix",
            "first_name",
            "last_name",
            "title_prefix_en",
            "first_name_en",
            "last_name_en",
            "position",
            "province",
            "organisation_kind",
            "organisation",
            "organisation_name",
            "email",
            "phone",
            "theme",
            "motivation",
        ]
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "title_prefix": _("As you write it: นาย, นาง, นางสาว, ดร., รศ.ดร., พ.ต.อ. …"),
            "motivation": _("A few sentences, at most 2,000 characters."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(kind__in=Organisation.LOCAL_GOVERNMENT_KINDS)
            .select_related("province")
            .order_by("province__sort_order", "name_th")
        )
        self.fields["province"].queryset = Province.objects.all()
        self.fields["organisation_kind"].choices = [
            ("", "---------"),
            *[(k, label) for k, label in Organisation.Kind.choices],
        ]
        self.fields["organisation_name"].label = _("Organisation name (if not in the list)")
        self.fields["theme"].choices = [("", "---------"), *ResearchTheme.choices]
        for name in ("title_prefix", "first_name", "last_name"):
            self.fields[name].widget.attrs["autocomplete"] = "off"

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This form could not be sent."), code="honeypot")
        return ""

    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        if organisation:
            # The registry's entry decides its province and kind.
            data["province"] = organisation.province
            data["organisation_kind"] = organisation.kind
            data["organisation_name"] = ""
            for name in ("province", "organisation_kind"):
                self.errors.pop(name, None)
        elif not data.get("organisation_name"):
            self.add_error(
                "organisation_name",
                _("Choose your organisation from the list, or type its name when it is missing."),
            )
        return data

    def application_values(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in self.Meta.fields if name in data}

    @property
    def is_honeypot(self) -> bool:
        return any(e.code == "honeypot" for e in self.errors.as_data().get("website", []))


def letter_token(path: str, name: str, sha256: str) -> str:
    return signing.dumps({"path": path, "name": name, "sha256": sha256}, salt=LETTER_SALT)


def read_letter_token(token: str) -> dict | None:
    """A letter kept from an earlier try (one day at most), or None."""
    if not token:
        return None
    try:
        return signing.loads(token, salt=LETTER_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        return None


class StatusForm(forms.Form):
    reference = forms.CharField(label=_("Reference code"), max_length=16)
    email = forms.EmailField(label=_("Email address"))


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Application.Status.choices]
    )
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All")), *Region.choices]
    )
    province = forms.ModelChoiceField(
        label=_("Province"), required=False, queryset=Province.objects.all(), empty_label=_("All")
    )
    kind = forms.ChoiceField(
        label=_("Organisation kind"),
        required=False,
        choices=[("", _("All")), *Organisation.Kind.choices],
    )
    theme = forms.ChoiceField(
        label=_("Research interest"),
        required=False,
        choices=[("", _("All")), *ResearchTheme.choices],
    )
    flagged = forms.BooleanField(label=_("Flagged only"), required=False)


class BulkStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Application.Status.choices)
    ids = forms.TypedMultipleChoiceField(
        coerce=int,
        choices=(),
        required=True,
        error_messages={"required": _("Tick at least one application.")},
    )

    def __init__(self, *args, ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(pk, pk) for pk in ids]


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
