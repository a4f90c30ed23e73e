"""Notifications' part of a person's data (accounts.personal_data): their channel choices,
their LINE link and the LINE messages sent to them; erasure unlinks LINE and drops the
texts (which name sessions and the person), keeping only that a message was sent."""

from accounts.models import User
from accounts.personal_data import iso
from notifications.models import LineAccount, LineLinkCode, LineMessage, Preference


def notifications_export(user: User) -> dict:
    account = LineAccount.objects.filter(user=user).first()
    return {
        "preferences": [
            {"kind": p.kind, "email": p.email, "line": p.line}
            for p in Preference.objects.filter(user=user).order_by("kind")
        ],
        "line_account": (
            {"line_user_id": account.line_user_id, "linked_at": iso(account.linked_at)}
            if account
            else None
        ),
        "line_messages": [
            {"kind": m.kind, "text": m.text, "status": m.status, "sent_at": iso(m.sent_at)}
            for m in LineMessage.objects.filter(user=user).order_by("created_at")
        ],
    }


def notifications_erase(user: User) -> dict[str, int]:
    unlinked, _ = LineAccount.objects.filter(user=user).delete()
    LineLinkCode.objects.filter(user=user).delete()
    preferences, _ = Preference.objects.filter(user=user).delete()
    texts = LineMessage.objects.filter(user=user).exclude(text="").update(text="")
    return {"line_accounts": unlinked, "preferences": preferences, "line_texts": texts}
