from django import forms

from accounts.models import User


class ProfileForm(forms.ModelForm):
    """What a person may correct about themselves. Email changes go through allauth."""

    class Meta:
        model = User
        fields = [
            "title_prefix",
            "first_name",
            "last_name",
            "title_prefix_en",
            "first_name_en",
            "last_name_en",
            "position",
            "organisation",
            "phone",
        ]
