"""The Wagtail user admin, extended with the programme's profile fields."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

PROFILE_FIELDS = [
    "title_prefix",
    "title_prefix_en",
    "first_name_en",
    "last_name_en",
    "position",
    "organisation",
    "phone",
]


class ProfileCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class ProfileEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PROFILE_FIELDS)


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return ProfileEditForm if for_update else ProfileCreationForm
