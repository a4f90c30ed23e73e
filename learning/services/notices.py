"""Notices of learning, each at most once per person and channel (core.delivery).

Announcements are queued when published. New materials are batched: a periodic job
(learning.schedules) collects the materials not yet announced and, once the oldest of a
cohort's has waited BATCH_WINDOW, sends that cohort's learners one notice for all of
them, so a facilitator who uploads five files in an hour causes one email, not five.
"""

import datetime as dt
from collections import defaultdict
from functools import partial

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone, translation

from cohorts.links import session_page_url
from cohorts.models import Cohort, Enrolment
from core.delivery import Outbox, deliver_once, stale_ids
from core.emails import send
from core.queue import enqueue
from core.urls import absolute_url
from learning.access import material_cohort_ids
from learning.models import Announcement, LearningNotice, Material
from learning.selectors import announcement_audience
from notifications.models import NoticeKind
from notifications.selectors import email_recipients
from notifications.services import line_queue, line_render

NOTICES = Outbox.for_status(LearningNotice)
BATCH_WINDOW = dt.timedelta(hours=1)


def deliver_after_commit(ids: list[int]) -> None:
    from learning.tasks import deliver_notice  # the tasks module imports these services

    for notice_id in ids:
        transaction.on_commit(lambda notice_id=notice_id: enqueue(deliver_notice, notice_id))


def _queue(rows: list[LearningNotice], key: str) -> list[int]:
    LearningNotice.objects.bulk_create(rows, ignore_conflicts=True)
    pending = LearningNotice.objects.filter(key=key, status=LearningNotice.Status.PENDING)
    return list(pending.values_list("id", flat=True))


def notices_queue_announcement(*, announcement: Announcement) -> list[int]:
    """One email notice per person of the audience; sent after the transaction commits."""
    key = f"announcement-{announcement.pk}"
    users = {e.user_id for e in announcement_audience(announcement=announcement)}
    kind = LearningNotice.Kind.ANNOUNCEMENT
    rows = [
        LearningNotice(user_id=u, kind=kind, announcement=announcement, key=key)
        for u in email_recipients(user_ids=users, kind=NoticeKind.ANNOUNCEMENTS)
    ]
    ids = _queue(rows, key)
    deliver_after_commit(ids)
    context = {
        "announcement": announcement,
        "url": _link("learning:announcement", announcement.pk),
        "url_en": _link("learning:announcement", announcement.pk, language="en"),
    }
    text = partial(line_render, "learning-announcement", context)
    line_queue(user_ids=users, kind=NoticeKind.ANNOUNCEMENTS, key=key, text=text)
    return ids


def materials_announce_due(*, now: dt.datetime | None = None) -> list[int]:
    """Batch the available, not yet announced materials of each cohort whose oldest has
    waited BATCH_WINDOW into one notice per current learner. Rows are locked
    (skip_locked), so two runs never announce the same material twice."""
    now = now or timezone.now()
    with transaction.atomic():
        waiting = list(
            Material.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(announced_at__isnull=True, available_from__lte=now)
            .annotate(ready_at=Greatest(F("created_at"), F("available_from")))
            .select_related("session")
        )
        by_cohort: dict[int, list[Material]] = defaultdict(list)
        for material in waiting:
            for cohort_id in material_cohort_ids(material):
                by_cohort[cohort_id].append(material)
        cutoff = now - BATCH_WINDOW
        due = {c: ms for c, ms in by_cohort.items() if min(m.ready_at for m in ms) <= cutoff}
        ids: list[int] = []
        for cohort_id, materials in due.items():
            ids += _queue_materials(cohort_id, materials)
        announced = {m.pk for ms in due.values() for m in ms}
        Material.objects.filter(pk__in=announced).update(announced_at=now)
        deliver_after_commit(ids)
    return ids


def _queue_materials(cohort_id: int, materials: list[Material]) -> list[int]:
    key = f"materials-{cohort_id}-{min(m.pk for m in materials)}"
    users = list(
        Enrolment.objects.current().filter(cohort_id=cohort_id).values_list("user_id", flat=True)
    )
    kind = LearningNotice.Kind.MATERIALS
    rows = [
        LearningNotice(user_id=u, kind=kind, cohort_id=cohort_id, key=key)
        for u in email_recipients(user_ids=users, kind=NoticeKind.MATERIALS)
    ]
    ids = _queue(rows, key)
    for notice in LearningNotice.objects.filter(pk__in=ids):
        notice.materials.add(*materials)
    line_queue(
        user_ids=users,
        kind=NoticeKind.MATERIALS,
        key=key,
        text=partial(_materials_line_text, cohort_id, materials),
    )
    return ids


def notices_stale_pending(*, now: dt.datetime | None = None) -> list[int]:
    return stale_ids(NOTICES, now=now)


def notice_deliver(*, notice_id: int) -> bool:
    """Send one notice if this caller wins the claim; True when an email went out."""
    return deliver_once(
        NOTICES, pk=notice_id, send=_send, select_related=["user", "announcement", "cohort"]
    )


def _send(notice: LearningNotice) -> None:
    person = notice.user
    context = {
        "person": person,
        "name_th": person.full_name_th or person.full_name_en or person.email,
        "name_en": person.full_name_en or person.full_name_th or person.email,
        "me_url": _link("accounts:me"),
        "me_url_en": _link("accounts:me", language="en"),
    }
    if notice.kind == LearningNotice.Kind.ANNOUNCEMENT:
        context["announcement"] = notice.announcement
        context["url"] = _link("learning:announcement", notice.announcement_id)
        context["url_en"] = _link("learning:announcement", notice.announcement_id, language="en")
        send("learning-announcement", [person.email], context)
        return
    materials = list(notice.materials.select_related("session").order_by("available_from", "pk"))
    context["items"] = _material_items(materials)
    context["cohort"] = notice.cohort
    send("learning-materials", [person.email], context)


def _materials_line_text(cohort_id: int, materials: list[Material]) -> str:
    ordered = sorted(materials, key=lambda m: (m.available_from, m.pk))
    context = {"cohort": Cohort.objects.get(pk=cohort_id), "items": _material_items(ordered)}
    return line_render("learning-materials", context)


def _material_items(materials: list[Material]) -> list[dict]:
    """Each material with where to open it: its session page, or /me/."""
    me_url, me_url_en = _link("accounts:me"), _link("accounts:me", language="en")
    return [
        {
            "material": m,
            "url": session_page_url(m.session) if m.session_id else me_url,
            "url_en": session_page_url(m.session, language="en") if m.session_id else me_url_en,
        }
        for m in materials
    ]


def _link(name: str, *args, language: str = "th") -> str:
    with translation.override(language):
        return absolute_url(reverse(name, args=args))
