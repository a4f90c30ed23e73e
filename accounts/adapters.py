from allauth.account.adapter import DefaultAccountAdapter

from django.urls import reverse

from accounts.access import is_staff_member


class AccountAdapter(DefaultAccountAdapter):
    """People join by invitation only: public sign-up is closed."""

    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        if is_staff_member(request.user):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)
