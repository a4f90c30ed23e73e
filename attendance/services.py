"""Writes: check-in, marking by staff, corrections with their trail, the digest."""

import datetime as dt
import unicodedata
from typing import NoReturn

from redis.exceptions import RedisError

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from attendance import tokens
from attendance.days import current_day, day_window, session_days
from attendance.models import AttendanceChange, AttendanceRecord, Method, Status
from cohorts.models import Enrolment, Session
from core.templatetags.thai import thai_date

CODE_ATTEMPTS = 10
CODE_ATTEMPT_WINDOW = 10 * 60

REFUSALS = {
    "bad-token": _("This check-in code is not valid. Scan the code on the screen again."),
    "expired": _(
        "This check-in code has changed. Codes change every 30 seconds: "
        "scan the code on the screen now, in the room."
    ),
    "wrong-code": _(
        "That code does not match any session open for check-in now. "
        "Type the six digits shown on the screen."
    ),
    "too-many": _("Too many wrong codes. Wait ten minutes or ask the staff to mark you."),
    "unavailable": _(
        "Check-in by code cannot be recorded right now, and nothing was saved. "
        "Scan the QR code instead, try again in a minute, or ask the staff to mark you."
    ),
    "cancelled": _("This session has been cancelled."),
    "wrong-day": _("This session does not take place on that day."),
    "not-open": _(
        "Check-in for this session has not opened yet. It opens on %(date)s at %(time)s."
    ),
    "closed": _("Check-in for this session closed at %(time)s. Ask the staff to mark you."),
    "not-enrolled": _(
        "You are not enrolled in the cohort of this session, so you cannot check in to it."
    ),
    "already": _("You are already recorded for this session today as: %(status)s."),
}


class CheckInRefused(Exception):
    """A check-in that may not happen, with the reason in Thai and in English."""

    def __init__(self, code: str, *, record=None, **params):
        self.code = code
        self.record = record
        self.params = params
        super().__init__(code)

    def message(self, language: str | None = None) -> str:
        with translation.override(language or translation.get_language()):
            params = {key: _param(value) for key, value in self.params.items()}
            if self.record is not None:
                params["status"] = str(self.record.get_status_display())
            return str(REFUSALS[self.code]) % params if params else str(REFUSALS[self.code])

    @property
    def messages(self) -> list[tuple[str, str]]:
        return [("th", self.message("th")), ("en", self.message("en"))]


def _param(value) -> str:
    """Dates in the message's own language: Buddhist Era in Thai, Gregorian in English."""
    if isinstance(value, dt.date):
        return thai_date(value)
    return str(value)


def _refuse(code: str, **params: object) -> NoReturn:
    raise CheckInRefused(code, **params)


def attendance_check_in(
    *,
    session: Session,
    user: User,
    day: dt.date,
    method: str = Method.QR,
    at: dt.datetime | None = None,
) -> AttendanceRecord:
    """Record the learner present (or late after the threshold), once per session-day."""
    at = at or timezone.now()
    if session.is_cancelled:
        _refuse("cancelled")
    if day not in session_days(session):
        _refuse("wrong-day")
    window = day_window(session, day)
    local = timezone.localtime
    if at < window.opens_at:
        opens_at = local(window.opens_at)
        _refuse("not-open", date=opens_at.date(), time=f"{opens_at:%H:%M}")
    if at > window.closes_at:
        _refuse("closed", time=f"{local(window.closes_at):%H:%M}")
    # Only its id: the record needs no more, and reading the whole row cost twice the CPU.
    enrolments = Enrolment.objects.current().filter(cohort_id=session.cohort_id, user=user)
    enrolment_id = enrolments.values_list("pk", flat=True).first()
    if enrolment_id is None:
        _refuse("not-enrolled")
    record = AttendanceRecord(
        enrolment_id=enrolment_id,
        session=session,
        day=day,
        status=Status.LATE if at >= window.late_from else Status.PRESENT,
        method=method,
        checked_in_at=at,
        recorded_by=user,
    )
    # The three keys were just read (or are the signed-in person): checking that each
    # exists again would be three queries per check-in.
    record.full_clean(
        exclude=["enrolment", "session", "recorded_by"],
        validate_unique=False,
        validate_constraints=False,
    )
    try:
        # The unique constraint decides between two simultaneous check-ins.
        with transaction.atomic():
            record.save()
    except IntegrityError:
        existing = AttendanceRecord.objects.get(enrolment_id=enrolment_id, session=session, day=day)
        raise CheckInRefused("already", record=existing) from None
    return record


def attendance_check_in_by_token(
    *, token: str, user: User, seen_fresh: bool = False
) -> AttendanceRecord:
    """QR check-in. seen_fresh: this browser opened the token while it was current
    (the learner scanned, then had to log in first)."""
    data = tokens.read_token(token)
    if data is None:
        _refuse("bad-token")
    if not (data.fresh or seen_fresh):
        _refuse("expired")
    sessions = Session.objects.select_related("check_in_settings")  # the window's rules
    session = sessions.filter(pk=data.session_id).first()
    if session is None:
        _refuse("bad-token")
    return attendance_check_in(session=session, user=user, day=data.day, method=Method.QR)


def attendance_check_in_by_code(*, code: str, user: User) -> AttendanceRecord:
    """Typed fallback: find the open session of the learner's cohorts that shows this code."""
    # Any script's digits count (a Thai keyboard types ๑๒๓); everything else is dropped,
    # so what reaches the comparison is ASCII and every wrong attempt is counted below.
    code = "".join(str(unicodedata.decimal(ch)) for ch in code if ch.isdecimal())
    attempts_key = f"attendance:code-attempts:{user.pk}"
    try:
        attempts = getattr(cache, "strict_get", cache.get)(attempts_key) or 0
    except RedisError:
        # The attempt limit lives in Redis; without it guesses go uncounted, so the
        # typed code is refused (QR check-in does not need the cache and still works).
        _refuse("unavailable")
    if attempts >= CODE_ATTEMPTS:
        _refuse("too-many")
    now = timezone.now()
    candidates = Session.objects.filter(
        cohort__enrolments__user=user,
        cohort__enrolments__status__in=Enrolment.CURRENT_STATUSES,
        starts_at__lte=now + dt.timedelta(days=1),
        ends_at__gte=now - dt.timedelta(days=1),
    ).exclude(status=Session.Status.CANCELLED)
    for session in candidates.select_related("check_in_settings").distinct():
        day = current_day(session, now)
        if day and len(code) == 6 and tokens.short_code_matches(code, session.pk, day):
            return attendance_check_in(session=session, user=user, day=day, method=Method.CODE)
    try:
        cache.add(attempts_key, 0, CODE_ATTEMPT_WINDOW)
        cache.incr(attempts_key)
    except RedisError:
        _refuse("unavailable")
    _refuse("wrong-code")


class AttendanceAlreadyRecorded(Exception):
    """attendance_mark(overwrite=False) found a record; it was left as it was."""

    def __init__(self, record: AttendanceRecord):
        self.record = record
        super().__init__(record.pk)


def _check_mark(*, session, enrolment, day, status, excuse_reason):
    if enrolment.cohort_id != session.cohort_id:
        raise ValidationError(_("This learner is not enrolled in the cohort of this session."))
    if day not in session_days(session):
        raise ValidationError(_("This session does not take place on that day."))
    if status not in Status.values:
        raise ValidationError(_("Choose present, late, excused or absent."))
    if status == Status.EXCUSED and not excuse_reason.strip():
        raise ValidationError(_("An excused absence needs a reason."))


@transaction.atomic
def attendance_mark(
    *,
    session: Session,
    enrolment: Enrolment,
    day: dt.date,
    status: str,
    by: User,
    reason: str = "",
    excuse_reason: str = "",
    excuse_document: File | None = None,
    method: str = Method.MANUAL,
    overwrite: bool = True,
) -> AttendanceRecord:
    """Staff mark a learner; changing an existing record leaves an audit entry.

    overwrite=False only ever creates: a record that exists, or that a check-in
    makes a moment before ours, is kept and AttendanceAlreadyRecorded raised.
    """
    excuse_reason = excuse_reason.strip()
    _check_mark(
        session=session, enrolment=enrolment, day=day, status=status, excuse_reason=excuse_reason
    )
    lookup = dict(enrolment=enrolment, session=session, day=day)
    record = AttendanceRecord.objects.select_for_update().filter(**lookup).first()
    if record is not None and not overwrite:
        raise AttendanceAlreadyRecorded(record)
    if record is None:
        record = AttendanceRecord(
            **lookup,
            status=status,
            method=method,
            recorded_by=by,
            excuse_reason=excuse_reason if status == Status.EXCUSED else "",
        )
        if excuse_document:
            record.excuse_document = excuse_document
        record.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                record.save()
            return record
        except IntegrityError:
            # Someone (or the learner's QR) recorded it a moment ago: this becomes a change.
            record = AttendanceRecord.objects.select_for_update().get(**lookup)
            if not overwrite:
                raise AttendanceAlreadyRecorded(record) from None
    return _change(
        record,
        status=status,
        by=by,
        reason=reason,
        excuse_reason=excuse_reason,
        excuse_document=excuse_document,
    )


def _change(record, *, status, by, reason, excuse_reason, excuse_document) -> AttendanceRecord:
    new_excuse = excuse_reason if status == Status.EXCUSED else record.excuse_reason
    if record.status == status and new_excuse == record.excuse_reason and not excuse_document:
        return record
    old_status = record.status
    record.status = status
    record.excuse_reason = new_excuse
    if excuse_document:
        record.excuse_document = excuse_document
    record.full_clean(validate_unique=False, validate_constraints=False)
    record.save()
    change = AttendanceChange(
        record=record,
        changed_by=by,
        old_status=old_status,
        new_status=status,
        reason=reason.strip() or (excuse_reason if status == Status.EXCUSED else ""),
    )
    change.full_clean()
    change.save()
    return record


def attendance_mark_unmarked_absent(*, session: Session, day: dt.date, by: User) -> int:
    """Close a session-day: everyone active without a record is absent. Returns how many."""
    if day not in session_days(session):
        raise ValidationError(_("This session does not take place on that day."))
    marked = set(
        AttendanceRecord.objects.filter(session=session, day=day).values_list(
            "enrolment_id", flat=True
        )
    )
    enrolments = (
        Enrolment.objects.current().filter(cohort_id=session.cohort_id).values_list("pk", flat=True)
    )
    new = [
        AttendanceRecord(
            enrolment_id=pk,
            session=session,
            day=day,
            status=Status.ABSENT,
            method=Method.MANUAL,
            recorded_by=by,
        )
        for pk in enrolments
        if pk not in marked
    ]
    # ignore_conflicts: a learner checking in at this very moment keeps their record.
    AttendanceRecord.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
