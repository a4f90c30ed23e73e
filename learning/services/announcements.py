"""Publishing an announcement (its notices queued once per person) and reading it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.models import User
from core.uploads import UploadRefused
from learning.models import Announcement, AnnouncementRead
from learning.services.notices import notices_queue_announcement
from learning.uploads import check_attachment


def announcement_publish(*, announcement: Announcement, by: User, upload=None) -> Announcement:
    """Save a new or changed announcement; a new one is queued to its audience, once each."""
    if upload is not None:
        try:
            inspected = check_attachment(upload)
        except UploadRefused as refused:
            raise ValidationError({"attachment": refused.message}) from None
        upload.name = inspected.name
        announcement.attachment = upload
        announcement.attachment_name = inspected.name
    if announcement.audience == Announcement.Audience.TEAM and announcement.team_id:
        announcement.cohort_id = announcement.team.cohort_id
    is_new = announcement.pk is None
    if is_new:
        announcement.created_by = by
    announcement.full_clean()
    with transaction.atomic():
        announcement.save()
        if is_new:
            notices_queue_announcement(announcement=announcement)
    return announcement


def announcement_mark_read(*, announcement: Announcement, user: User) -> None:
    try:
        with transaction.atomic():
            AnnouncementRead.objects.get_or_create(announcement=announcement, user=user)
    except IntegrityError:
        pass
