"""Attendance import for one session from CSV or XLSX: check every row, apply the clean ones.

check_rows() never writes. apply_rows() records rows without problems through
attendance_mark (method=IMPORT). A learner already recorded for that day with the
same status is unchanged, so importing a file twice changes nothing; one recorded
with another status is a conflict, changed only when the coordinator asks for it
with a reason, which the change's audit entry keeps.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from accounts.models import User
from attendance.days import session_days
from attendance.models import AttendanceRecord, Method, Status
from attendance.services import AttendanceAlreadyRecorded, attendance_mark
from cohorts.models import Enrolment, Session
from core.tables import ImportFileError, read_table

HEADERS = {
    "email": ("email", "e-mail", "อีเมล"),
    "status": ("status", "attendance", "สถานะ", "การเข้าร่วม"),
    "day": ("day", "date", "วัน", "วันที่"),
    "excuse_reason": ("excuse_reason", "excuse reason", "reason", "เหตุผลการลา", "เหตุผล"),
    "note": ("note", "notes", "หมายเหตุ"),
}
STATUS_WORDS = {
    Status.PRESENT: ("present", "มา", "มาเรียน", "เข้าร่วม"),
    Status.LATE: ("late", "สาย", "มาสาย"),
    Status.ABSENT: ("absent", "ขาด"),
    Status.EXCUSED: ("excused", "ลา"),
}
STATUSES = {word: status for status, words in STATUS_WORDS.items() for word in words}
ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]*)?")  # also an Excel date cell
SLASHED_DAY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
BUDDHIST_ERA_OFFSET = 543


@dataclass
class ImportRow:
    line: int
    values: dict
    action: str = ""  # new, unchanged, conflict, error
    problems: list = field(default_factory=list)
    enrolment: Enrolment | None = None
    day: dt.date | None = None
    status: str = ""
    existing: AttendanceRecord | None = None

    @property
    def status_label(self) -> str:
        return Status(self.status).label if self.status else self.values.get("status", "")


def read_attendance_table(name: str, content: bytes) -> list[dict]:
    """The file's rows keyed by field name; a file without a status column is refused."""
    records = read_table(name, content, headers=HEADERS)
    if not records:
        raise ImportFileError(_("The file has no rows under its column names."))
    if "status" not in records[0]:
        raise ImportFileError(_("The first row must name the columns, including “status”."))
    return records


def parse_day(text: str) -> dt.date | None:
    """2025-07-15, 15/07/2025 or 15/07/2568 (Buddhist era); None when blank."""
    text = text.strip()
    if not text:
        return None
    if found := ISO_DAY.fullmatch(text):
        year, month, day = (int(part) for part in found.groups())
    elif found := SLASHED_DAY.fullmatch(text):
        day, month, year = (int(part) for part in found.groups())
    else:
        raise ValueError(text)
    if year > 2400:
        year -= BUDDHIST_ERA_OFFSET
    return dt.date(year, month, day)


def check_rows(*, session: Session, records: list[dict], default_day: dt.date) -> list[ImportRow]:
    """Every row with its problems and what applying it would do; three queries, no writes."""
    # PostgreSQL refuses NUL in a query: such an address is simply not a learner's.
    emails = {r.get("email", "").lower() for r in records} - {""}
    emails = {email for email in emails if "\x00" not in email}
    known = set(
        User.objects.annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails)
        .values_list("email_lower", flat=True)
    )
    enrolments = _enrolments(session, emails)
    existing = {
        (record.enrolment_id, record.day): record
        for record in AttendanceRecord.objects.filter(session=session)
    }
    context = _Context(session_days(session), default_day, known, enrolments, existing, {})
    return [_check(ImportRow(line, values), context) for line, values in enumerate(records, 2)]


@dataclass
class _Context:
    days: list
    default_day: dt.date
    known: set
    enrolments: dict
    existing: dict
    seen: dict


def _enrolments(session, emails) -> dict[str, Enrolment]:
    """email -> the person's enrolment in the session's cohort, a current one first."""
    found = {}
    queryset = (
        Enrolment.objects.filter(cohort_id=session.cohort_id)
        .annotate(email_lower=Lower("user__email"))
        .filter(email_lower__in=emails)
        .select_related("user")
    )
    for enrolment in queryset:
        previous = found.get(enrolment.email_lower)
        if previous is None or not previous.is_current:
            found[enrolment.email_lower] = enrolment
    return found


def _check(row: ImportRow, context: _Context) -> ImportRow:
    _check_learner(row, context)
    _check_status(row)
    _check_day(row, context)
    key = (row.values.get("email", "").lower(), row.day)
    if row.enrolment and row.day and key in context.seen:
        row.problems.append(
            _("Same learner and day as line %(line)d.") % {"line": context.seen[key]}
        )
    context.seen.setdefault(key, row.line)
    if row.problems:
        row.action = "error"
        return row
    row.existing = context.existing.get((row.enrolment.pk, row.day))
    if row.existing is None:
        row.action = "new"
    else:
        row.action = "unchanged" if row.existing.status == row.status else "conflict"
    return row


def _check_learner(row, context) -> None:
    email = row.values.get("email", "")
    enrolment = context.enrolments.get(email.lower())
    if not email:
        row.problems.append(_("No email."))
    elif email.lower() not in context.known:
        row.problems.append(_("No one has the email “%(email)s”.") % {"email": email})
    elif enrolment is None:
        row.problems.append(_("%(email)s is not enrolled in this cohort.") % {"email": email})
    elif not enrolment.is_current:
        row.problems.append(
            _("%(email)s is no longer a learner of this cohort (%(status)s).")
            % {"email": email, "status": enrolment.get_status_display()}
        )
    else:
        row.enrolment = enrolment


def _check_status(row) -> None:
    text = row.values.get("status", "")
    row.status = STATUSES.get(text.lower(), "")
    if not row.status:
        row.problems.append(
            _(
                "Unknown status “%(status)s”: write present, late, absent or excused "
                "(มา, สาย, ขาด, ลา)."
            )
            % {"status": text}
        )
    elif row.status == Status.EXCUSED and not row.values.get("excuse_reason"):
        row.problems.append(_("An excused absence needs a reason."))


def _check_day(row, context) -> None:
    text = row.values.get("day", "")
    try:
        day = parse_day(text) or context.default_day
    except ValueError:
        row.problems.append(
            _("Cannot read the day “%(day)s”: write it as 2025-07-15 or 15/07/2568.")
            % {"day": text}
        )
        return
    if day not in context.days:
        row.problems.append(_("%(day)s is not a day of this session.") % {"day": text or day})
    else:
        row.day = day


@transaction.atomic
def attendance_import(
    *,
    session: Session,
    records: list[dict],
    default_day: dt.date,
    by,
    conflicts: dict[int, str],
    change_reason: str = "",
) -> dict[str, int]:
    """Apply a previewed file in one transaction, its rows re-checked against the records
    as they are now (conflicts: line -> the status the preview showed)."""
    rows = check_rows(session=session, records=records, default_day=default_day)
    return apply_rows(
        session=session, rows=rows, by=by, conflicts=conflicts, change_reason=change_reason
    )


def apply_rows(
    *, session: Session, rows: list[ImportRow], by, change_reason: str = "", conflicts=None
) -> dict[str, int]:
    """Record the new rows; change a conflict only when change_reason is given and the
    coordinator saw it in the preview (conflicts: line -> the status shown then)."""
    counts = dict.fromkeys(("new", "changed", "unchanged", "conflict", "error"), 0)
    conflicts = conflicts or {}
    for row in rows:
        if row.action == "new":
            counts[_record(session, row, by)] += 1
        elif change_reason and _was_shown_as_conflict(row, conflicts):
            _mark(session, row, by, reason=_with_note(change_reason, row), overwrite=True)
            counts["changed"] += 1
        else:
            counts[row.action] += 1
    return counts


def _was_shown_as_conflict(row, conflicts) -> bool:
    """A record that changed since the preview is not changed blindly."""
    return row.action == "conflict" and conflicts.get(row.line) == row.existing.status


def _record(session, row, by) -> str:
    try:
        _mark(session, row, by, reason="", overwrite=False)
    except AttendanceAlreadyRecorded:
        return "conflict"  # recorded since the preview (a QR check-in): kept as it is
    return "new"


def _mark(session, row, by, *, reason, overwrite) -> None:
    attendance_mark(
        session=session,
        enrolment=row.enrolment,
        day=row.day,
        status=row.status,
        by=by,
        reason=reason,
        excuse_reason=row.values.get("excuse_reason", ""),
        method=Method.IMPORT,
        overwrite=overwrite,
    )


def _with_note(reason: str, row) -> str:
    note = row.values.get("note", "")
    return f"{reason.strip()} ({note})" if note else reason.strip()


def counts_of(rows: list[ImportRow]) -> dict[str, int]:
    counts = dict.fromkeys(("new", "unchanged", "conflict", "error"), 0)
    for row in rows:
        counts[row.action] += 1
    return counts
