from django import forms
from django.utils.translation import gettext_lazy as _

from assignments.models import Review
from cohorts.models import Cohort


class SubmitForm(forms.Form):
    """Text of a submit; the files come from request.FILES["files"] (several allowed)."""

    text = forms.CharField(
        label=_("Text (summary, notes for your advisor)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
    )
    action = forms.ChoiceField(choices=[("submit", "submit"), ("draft", "draft")], initial="submit")


class ReviewForm(forms.Form):
    """One radio group per rubric criterion, then feedback, an optional file and the decision."""

    # The version the reviewer read: a newer one handed in meanwhile refuses the review.
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        error_messages={
            "required": _("This page is out of date: reload it to review the latest version."),
            "invalid": _("This page is out of date: reload it to review the latest version."),
            "min_value": _("This page is out of date: reload it to review the latest version."),
        },
    )
    feedback = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 8}))
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Review.Decision.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = assignment.criteria
        for criterion in self.criteria:
            self.fields[f"criterion-{criterion.id}"] = forms.TypedChoiceField(
                label=criterion.label,
                help_text=criterion.description,
                coerce=int,
                widget=forms.RadioSelect,
                choices=[
                    (level.index, f"{level.label} ({level.points:g}) {level.description}".strip())
                    for level in criterion.levels
                ],
            )
        self.order_fields(
            [f"criterion-{c.id}" for c in self.criteria] + ["feedback", "decision", "version"]
        )

    def levels(self) -> dict:
        return {c.id: self.cleaned_data[f"criterion-{c.id}"] for c in self.criteria}

    def criterion_fields(self):
        return [self[f"criterion-{c.id}"] for c in self.criteria]


class CopyForm(forms.Form):
    """Which cohort's assignments to copy, and into which cohort."""

    source = forms.ModelChoiceField(Cohort.objects.all(), label=_("Copy from cohort"))
    target = forms.ModelChoiceField(Cohort.objects.all(), label=_("Into cohort"))
