from allauth.account.adapter import DefaultAccountAdapter

from django.contrib.auth import get_user_model
from django.urls import reverse

from accounts.access import is_staff_member
from core.emails import make_message

# allauth's emails that this platform can send, written as ours (templates/emails/):
# Thai first, English below, HTML and text, signed by the programme. Sign-up is
# closed, so allauth's sign-up emails (account_already_exists) are never sent;
# its security notifications are off (ACCOUNT_EMAIL_NOTIFICATIONS).
OUR_EMAILS = {
    "account/email/password_reset_key": "account-password-reset",
    "account/email/unknown_account": "account-unknown-address",
    "account/email/login_code": "account-login-code",
    "account/email/email_confirmation": "account-email-confirmation",
    "account/email/email_confirmation_signup": "account-email-confirmation",
}


class AccountAdapter(DefaultAccountAdapter):
    """People join by invitation only: public sign-up is closed."""

    def is_open_for_signup(self, request):
        return False

    def get_login_redirect_url(self, request):
        if is_staff_member(request.user):
            return reverse("wagtailadmin_home")
        return super().get_login_redirect_url(request)

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's emails through the platform's one email helper; any other as allauth's."""
        name = OUR_EMAILS.get(template_prefix)
        if name is None:
            return super().render_mail(template_prefix, email, context, headers=headers)
        if "user" not in context and name != "account-unknown-address":
            # allauth gives the sign-in code email only the address: greet by name.
            context["user"] = get_user_model().objects.filter(email__iexact=email).first()
        message = make_message(name, [email] if isinstance(email, str) else email, context)
        message.subject = self.format_email_subject(message.subject)
        message.from_email = self.get_from_email()
        message.extra_headers.update(headers or {})
        return message
