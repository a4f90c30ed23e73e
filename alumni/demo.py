"""Demo of the directory and personal data: a privacy notice accepted by every demo
account (so logging in still lands on /me/), contacts, photos and consents, some given
and some not: every demo learner but one in eight is listed in the directory."""

import io

from PIL import Image, ImageDraw

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from accounts.models import Consent, PrivacyAcceptance, PrivacyNotice, User
from accounts.privacy import current_notice, notice_publish
from accounts.privacy_text import NOTICE_EN, NOTICE_TH
from accounts.roles import LEARNER

P = Consent.Purpose
COLOURS = ["#0b5d7a", "#b8860b", "#2e7d32", "#6a1b9a", "#c62828", "#00838f"]
EVERYTHING = [P.DIRECTORY_PHOTO, P.DIRECTORY_PHONE, P.DIRECTORY_EMAIL, P.DIRECTORY_LINE]
WELL_KNOWN = {"learner@example.org", "graduate@example.org"}


def _demo_people():
    return User.objects.filter(email__endswith="@example.org")


def _notice() -> PrivacyNotice:
    notice = current_notice()
    if notice is None:
        notice = notice_publish(body_th=NOTICE_TH, body_en=NOTICE_EN)
    return notice


def _accept_all(notice: PrivacyNotice) -> int:
    done = set(notice.acceptances.values_list("user_id", flat=True))
    rows = [
        PrivacyAcceptance(user=user, notice=notice)
        for user in _demo_people().only("pk")
        if user.pk not in done
    ]
    PrivacyAcceptance.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _avatar(index: int) -> ContentFile:
    image = Image.new("RGB", (240, 240), COLOURS[index % len(COLOURS)])
    ImageDraw.Draw(image).ellipse((70, 40, 170, 140), fill="#f1f5f8")  # a head
    ImageDraw.Draw(image).ellipse((30, 150, 210, 330), fill="#f1f5f8")  # shoulders
    out = io.BytesIO()
    image.save(out, "PNG")
    return ContentFile(out.getvalue(), name=f"demo-{index:03d}.png")


def _listed(index: int, email: str) -> bool:
    """One in eight (all of them among those who share nothing) stays out of the directory."""
    return email in WELL_KNOWN or index % 8 != 7


def _purposes(index: int, email: str) -> list[str]:
    """Well-known logins share everything; of the others, one in four shares nothing."""
    if email in WELL_KNOWN:
        return EVERYTHING
    if index % 4 == 3:
        return []
    purposes = [P.DIRECTORY_PHONE, P.DIRECTORY_EMAIL]
    if index % 2 == 0:
        purposes.append(P.DIRECTORY_LINE)
    if index % 4 in (0, 1):
        purposes.append(P.DIRECTORY_PHOTO)
    return purposes


def _contacts_and_consents() -> int:
    learners = Group.objects.get(name=LEARNER).user_set.filter(email__endswith="@example.org")
    decided = set(Consent.objects.values_list("user_id", flat=True).distinct())
    rows = []
    for index, user in enumerate(learners.order_by("email")):
        if user.pk in decided:
            continue
        purposes = _purposes(index, user.email)
        if not user.line_id:
            user.line_id = f"pms.{user.email.split('@')[0].replace('.', '')}"
        if P.DIRECTORY_PHOTO in purposes and not user.photo:
            user.photo.save(f"demo-{index:03d}.png", _avatar(index), save=False)
        user.save(update_fields=["line_id", "photo"])
        rows += [Consent(user=user, purpose=purpose, given=True) for purpose in purposes]
    Consent.objects.bulk_create(rows)
    return len(rows)


def _listing_consents() -> int:
    """Who is listed in the directory; also for a database seeded before that consent
    existed. A person's own decision, either way, is never overwritten."""
    learners = Group.objects.get(name=LEARNER).user_set.filter(email__endswith="@example.org")
    decided = set(
        Consent.objects.filter(purpose=P.DIRECTORY_LISTED).values_list("user_id", flat=True)
    )
    rows = [
        Consent(user=user, purpose=P.DIRECTORY_LISTED, given=True)
        for index, user in enumerate(learners.order_by("email").only("pk", "email"))
        if user.pk not in decided and _listed(index, user.email)
    ]
    Consent.objects.bulk_create(rows)
    return len(rows)


def seed(ctx) -> None:
    notice = _notice()
    accepted = _accept_all(notice)
    consents = _contacts_and_consents() + _listing_consents()
    ctx.say(
        f"Privacy: notice v{notice.version}, {accepted} acceptances, {consents} consents given."
    )
