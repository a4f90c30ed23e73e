from django import forms

from notifications.models import NoticeKind


class PreferencesForm(forms.Form):
    """Two boxes per kind of notice: email and (when offered) LINE."""

    def __init__(self, *args, initial_choices, offer_line: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_line = offer_line
        for kind, label in NoticeKind.choices:
            chosen = initial_choices[kind]
            self.fields[f"{kind}_email"] = forms.BooleanField(
                label=label, required=False, initial=chosen["email"]
            )
            if offer_line:
                self.fields[f"{kind}_line"] = forms.BooleanField(
                    label=label, required=False, initial=chosen["line"]
                )

    def rows(self) -> list[dict]:
        """One row per kind for the template: its label, its boxes, and whether no box is
        ticked (that person hears nothing of this kind: the page says so)."""
        rows = []
        for kind, label in NoticeKind.choices:
            email = self[f"{kind}_email"]
            line = self[f"{kind}_line"] if self.offer_line else None
            silent = not email.value() and not (line is not None and line.value())
            rows.append({"label": label, "email": email, "line": line, "silent": silent})
        return rows

    def silent_kinds(self) -> list[str]:
        """The labels of the kinds saved with neither channel."""
        labels = dict(NoticeKind.choices)
        chosen = self.choices()
        return [str(labels[kind]) for kind in NoticeKind.values if not any(chosen[kind].values())]

    def choices(self) -> dict[str, dict[str, bool]]:
        data = self.cleaned_data
        return {
            kind: {"email": data[f"{kind}_email"], "line": data.get(f"{kind}_line", False)}
            for kind in NoticeKind.values
        }
