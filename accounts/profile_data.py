"""The profile's own part of a person's data: what accounts holds (see accounts.personal_data)."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from django.contrib.sessions.models import Session
from django.utils import timezone

from wagtail.users.models import UserProfile

from accounts.models import Consent, PrivacyAcceptance, User
from accounts.personal_data import ExportedPart, iso

# Nobody can receive mail here (RFC 2606), so an erased person's row keeps a unique email.
ERASED_DOMAIN = "erased.invalid"


def erased_email(user: User) -> str:
    return f"erased-{user.pk}@{ERASED_DOMAIN}"


def is_erased(user: User) -> bool:
    return user.email == erased_email(user)


def profile_export(user: User) -> ExportedPart:
    organisation = user.organisation
    data = {
        "email": user.email,
        "title_prefix": user.title_prefix,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "title_prefix_en": user.title_prefix_en,
        "first_name_en": user.first_name_en,
        "last_name_en": user.last_name_en,
        "position": user.position,
        "organisation": str(organisation) if organisation else None,
        "phone": user.phone,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "date_joined": iso(user.date_joined),
        "last_login": iso(user.last_login),
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "two_factor_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "line_id": user.line_id,
        "photo": user.photo.name.rsplit("/", 1)[-1] if user.photo else None,
        "consents": [
            {"purpose": c.purpose, "given": c.given, "recorded_at": iso(c.recorded_at)}
            for c in Consent.objects.filter(user=user).order_by("recorded_at", "id")
        ],
        "privacy_notices_accepted": [
            {"version": a.notice.version, "accepted_at": iso(a.accepted_at)}
            for a in PrivacyAcceptance.objects.filter(user=user)
            .select_related("notice")
            .order_by("accepted_at")
        ],
    }
    files = [(f"photo/{data['photo']}", user.photo)] if user.photo else []
    return ExportedPart(data, files=files)


def _delete_sessions(user: User) -> int:
    """Sessions carry the user id only inside their encoded data: read the live ones."""
    doomed = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    return Session.objects.filter(pk__in=doomed).delete()[0]


def _delete_photo(user: User) -> int:
    """The directory photo (private storage), file and field."""
    if not user.photo:
        return 0
    user.photo.delete(save=False)
    return 1


def profile_erase(user: User) -> dict[str, int]:
    """Names, contacts and login gone; the row stays so certificates and records keep
    their person (pseudonymised: erased-<id>@erased.invalid)."""
    avatars = 0
    for profile in UserProfile.objects.filter(user=user).exclude(avatar=""):
        profile.avatar.delete(save=True)
        avatars += 1
    counts = {
        "email_addresses": EmailAddress.objects.filter(user=user).delete()[0],
        "two_factor_methods": Authenticator.objects.filter(user=user).delete()[0],
        "sessions": _delete_sessions(user),
        "photos": avatars + _delete_photo(user),
        # Consent decisions are personal choices: gone with the person. Acceptances of the
        # privacy notice stay (which version was accepted, when), naming nobody now.
        "consents": Consent.objects.filter(user=user).delete()[0],
    }
    for name in ("title_prefix", "title_prefix_en", "first_name", "last_name"):
        setattr(user, name, "")
    user.first_name_en = user.last_name_en = user.position = user.phone = user.line_id = ""
    user.organisation = None
    user.email = erased_email(user)
    user.is_active = user.is_staff = user.is_superuser = False
    user.last_login = None
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return counts
