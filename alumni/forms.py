from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Organisation, Province
from accounts.regions import Region
from alumni.selectors import Filters
from cohorts.models import Cohort
from curriculum.themes import ResearchTheme

ANY = pgettext_lazy("directory filter", "Any")


def _any(choices) -> list:
    return [("", ANY), *choices]


class DirectoryFilterForm(forms.Form):
    """Search and filters; a value that is not a choice is ignored (the form says why)."""

    q = forms.CharField(label=_("Name or organisation"), required=False, max_length=100)
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False, empty_label=ANY
    )
    region = forms.ChoiceField(label=_("Region"), choices=_any(Region.choices), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of organisation"), choices=_any(Organisation.Kind.choices), required=False
    )
    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=Cohort.objects.order_by("-number"),
        required=False,
        empty_label=ANY,
    )
    theme = forms.ChoiceField(
        label=_("Research theme"), choices=_any(ResearchTheme.choices), required=False
    )

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        province = data.get("province")
        return Filters(
            query=data.get("q", "").strip(),
            province=province.pk if province else None,
            region=data.get("region", ""),
            kind=data.get("kind", ""),
            theme=data.get("theme", ""),
            cohort=data["cohort"].pk if data.get("cohort") else None,
        )
