"""The Wagtail user admin, extended with the programme's profile fields."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from core.names import validate_person_name

PROFILE_FIELDS = [
    "title_prefix",
    "title_prefix_en",
    "first_name_en",
    "last_name_en",
    "position",
    "organisation",
    "phone",
]


class PrintableNamesMixin:
    """Wagtail declares first_name and last_name itself, without the model's validators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_name", "last_name"):
            if validate_person_name not in self.fields[name].validators:
                self.fields[name].validators.append(validate_person_name)


class ProfileCreationForm(PrintableNamesMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class ProfileEditForm(PrintableNamesMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PROFILE_FIELDS)


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return ProfileEditForm if for_update else ProfileCreationForm
