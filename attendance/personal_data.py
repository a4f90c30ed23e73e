"""Attendance's part of a person's data (accounts.personal_data): records with their changes."""

from accounts.models import User
from accounts.personal_data import ExportedPart, iso
from attendance.models import AttendanceChange, AttendanceRecord, Status

ERASED_REASON = "-"  # an excused absence keeps a reason (a constraint); its text is gone


def _records(user: User):
    return AttendanceRecord.objects.filter(enrolment__user=user)


def attendance_export(user: User) -> ExportedPart:
    records = _records(user).select_related("session__cohort").prefetch_related("changes")
    rows, files = [], []
    for r in records.order_by("session__starts_at", "day"):
        document = (
            f"{r.pk}-{r.excuse_document.name.rsplit('/', 1)[-1]}" if r.excuse_document else None
        )
        if document:
            files.append((document, r.excuse_document))
        rows.append(
            {
                "session": f"{r.session.cohort} #{r.session.number}: {r.session.title_th}",
                "day": iso(r.day),
                "status": r.status,
                "method": r.method,
                "checked_in_at": iso(r.checked_in_at),
                "excuse_reason": r.excuse_reason,
                "excuse_document": document and f"files/attendance/{document}",
                "changes": [
                    {
                        "changed_at": iso(c.changed_at),
                        "old_status": c.old_status,
                        "new_status": c.new_status,
                        "reason": c.reason,
                    }
                    for c in r.changes.all()
                ],
            }
        )
    return ExportedPart({"records": rows}, files)


def attendance_erase(user: User) -> dict[str, int]:
    """Statuses stay, so attendance totals and cohort figures do not change; the reasons
    and supporting documents the person gave are erased."""
    documents = 0
    for record in _records(user).exclude(excuse_document=""):
        record.excuse_document.delete(save=False)
        documents += 1
    records = _records(user)
    records.exclude(excuse_document="").update(excuse_document="")
    records.filter(status=Status.EXCUSED).update(excuse_reason=ERASED_REASON)
    records.exclude(status=Status.EXCUSED).update(excuse_reason="")
    changes = AttendanceChange.objects.filter(record__enrolment__user=user).update(reason="")
    return {"excuse_documents": documents, "change_reasons": changes}
