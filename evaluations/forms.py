"""The answering form, built from an evaluation's questions; the copy-from-template form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cohorts.models import Cohort, Session
from core.admin_dates import BuddhistEraDateTimeInput
from evaluations.models import EvaluationTemplate, Kind, QuestionKind

SCALE_LABELS = [
    (5, pgettext_lazy("rating", "5 · Very much")),
    (4, pgettext_lazy("rating", "4 · Much")),
    (3, pgettext_lazy("rating", "3 · Moderately")),
    (2, pgettext_lazy("rating", "2 · A little")),
    (1, pgettext_lazy("rating", "1 · Very little")),
]


def _field(question, language: str) -> forms.Field:
    label, required = question.text_in(language), question.required
    if question.kind == QuestionKind.SCALE:
        return forms.TypedChoiceField(
            label=label, required=required, choices=SCALE_LABELS, coerce=int,
            widget=forms.RadioSelect(attrs={"class": "scale"}),
        )  # fmt: skip
    options = list(enumerate(question.option_list(language)))
    if question.kind == QuestionKind.SINGLE:
        return forms.TypedChoiceField(
            label=label, required=required, choices=options, coerce=int, widget=forms.RadioSelect
        )
    if question.kind == QuestionKind.MULTIPLE:
        return forms.TypedMultipleChoiceField(
            label=label, required=required, choices=options, coerce=int,
            widget=forms.CheckboxSelectMultiple,
        )  # fmt: skip
    if question.kind == QuestionKind.SHORT:
        return forms.CharField(label=label, required=required, max_length=500)
    return forms.CharField(
        label=label, required=required, max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AnswerForm(forms.Form):
    """One field per question, named q<question id>, in the form's order."""

    def __init__(self, *args, questions, language: str = "th", **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q{question.pk}"] = _field(question, language)

    def values(self) -> dict[int, object]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}") for q in self.questions}


class CopyFromTemplateForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Template"), queryset=EvaluationTemplate.objects.all()
    )
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.all())
    sessions = forms.ModelMultipleChoiceField(
        label=_("Sessions"),
        queryset=Session.objects.select_related("cohort").exclude(status=Session.Status.CANCELLED),
        required=False,
        help_text=_("One evaluation for each session chosen; it opens when the session ends."),
    )
    opens_at = forms.DateTimeField(
        label=_("Opens at"),
        required=False,
        help_text=_("For a programme evaluation (no session): when it opens."),
        widget=BuddhistEraDateTimeInput,
    )
    days_open = forms.IntegerField(label=_("Days open"), min_value=1, max_value=90, initial=7)
    required_for_completion = forms.BooleanField(label=_("Required for completion"), required=False)

    def clean(self):
        data = super().clean()
        cohort, sessions = data.get("cohort"), data.get("sessions") or []
        if cohort and any(s.cohort_id != cohort.pk for s in sessions):
            self.add_error("sessions", _("Choose sessions of the chosen cohort."))
        if not sessions and not data.get("opens_at"):
            self.add_error("opens_at", _("Choose sessions, or give an opening time."))
        template = data.get("template")
        if (
            template
            and not sessions
            and template.kind != Kind.PROGRAMME
            and not data.get("opens_at")
        ):
            self.add_error("sessions", _("Choose the sessions to evaluate."))
        return data
