"""Learning's part of a person's data (accounts.personal_data): what they opened and were sent."""

from accounts.models import User
from accounts.personal_data import iso
from learning.models import AnnouncementRead, LearningNotice, MaterialOpen


def learning_export(user: User) -> dict:
    opens = MaterialOpen.objects.filter(user=user).select_related("material")
    reads = AnnouncementRead.objects.filter(user=user).select_related("announcement")
    notices = LearningNotice.objects.filter(user=user)
    return {
        "materials_opened": [
            {"material": o.material.title_th, "opened_at": iso(o.opened_at)}
            for o in opens.order_by("opened_at")
        ],
        "announcements_read": [
            {"announcement": r.announcement.title_th, "read_at": iso(r.read_at)}
            for r in reads.order_by("read_at")
        ],
        "notices_sent": [
            {"kind": n.kind, "channel": n.channel, "status": n.status, "sent_at": iso(n.sent_at)}
            for n in notices.order_by("created_at")
        ],
    }
