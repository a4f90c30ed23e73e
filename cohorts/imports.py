"""Enrolment import from CSV or XLSX: parse, check every row, then apply the clean ones.

check_rows() never writes; apply_rows() enrols only rows without problems and
is idempotent (a person already enrolled is left unchanged), so importing the
same file twice changes nothing.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from cohorts.models import Cohort, Enrolment, Team
from cohorts.services import enrolment_invite
from core.names import name_problem
from core.tables import read_table

HEADERS = {
    "email": ("email", "e-mail", "อีเมล"),
    "title_prefix": ("title", "title_prefix", "คำนำหน้า", "คำนำหน้าชื่อ"),
    "first_name": ("first_name_th", "first_name", "ชื่อ"),
    "last_name": ("last_name_th", "last_name", "นามสกุล"),
    "first_name_en": ("first_name_en", "ชื่อ (อังกฤษ)"),
    "last_name_en": ("last_name_en", "นามสกุล (อังกฤษ)"),
    "position": ("position", "ตำแหน่ง"),
    "organisation": ("organisation", "organization", "หน่วยงาน", "เทศบาล"),
    "phone": ("phone", "โทรศัพท์"),
    "role": ("role", "บทบาท"),
    "team": ("team", "ทีม"),
}
NAME_FIELDS = ("title_prefix", "first_name", "last_name", "first_name_en", "last_name_en")
ROLES = {
    "": Enrolment.Role.EXECUTIVE, "executive": Enrolment.Role.EXECUTIVE,
    "ผู้บริหาร": Enrolment.Role.EXECUTIVE, "staff": Enrolment.Role.STAFF,
    "บุคลากร": Enrolment.Role.STAFF, "researcher": Enrolment.Role.RESEARCHER,
    "นักวิจัย": Enrolment.Role.RESEARCHER,
}  # fmt: skip


@dataclass
class ImportRow:
    line: int
    values: dict
    action: str = ""  # new, enrol, unchanged, error
    problems: list = field(default_factory=list)
    organisation_id: int | None = None
    team_id: int | None = None


def read_enrolment_table(name: str, content: bytes) -> list[dict]:
    """The rows of an uploaded enrolment file, keyed by our field names (see core.tables)."""
    return read_table(name, content, headers=HEADERS)


def check_rows(*, cohort: Cohort, records: list[dict]) -> list[ImportRow]:
    # PostgreSQL refuses NUL in any string, a query too: such a row is only refused below.
    lookable = [r for r in records if not any("\x00" in value for value in r.values())]
    organisations = _organisations(lookable)
    teams = {team.name: team for team in cohort.teams.all()}
    emails = {r.get("email", "").lower() for r in lookable}
    users = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
    enrolled = set(
        Enrolment.objects.current().filter(cohort=cohort).values_list("user__email", flat=True)
    )
    enrolled = {email.lower() for email in enrolled}
    seen_emails, seen_names, rows = {}, {}, []
    for line, values in enumerate(records, 2):
        row = ImportRow(line=line, values=values)
        _check(row, organisations, teams, users, enrolled, seen_emails, seen_names)
        rows.append(row)
    return rows


def _organisations(records) -> dict[str, Organisation]:
    names = {r.get("organisation", "") for r in records} - {""}
    found = {}
    for org in Organisation.objects.filter(Q(name_th__in=names) | Q(name_en__in=names)):
        found.setdefault(org.name_th, org)
        if org.name_en:
            found.setdefault(org.name_en, org)
    return found


def _check(row, organisations, teams, users, enrolled, seen_emails, seen_names) -> None:
    v, problems = row.values, row.problems
    email = v.get("email", "").lower()
    try:
        validate_email(email)
    except ValidationError:
        problems.append(_("Bad email address: “%(email)s”.") % {"email": v.get("email", "")})
    if email and email in seen_emails:
        problems.append(
            _("Duplicate person: same email as line %(line)d.") % {"line": seen_emails[email]}
        )
    seen_emails.setdefault(email, row.line)
    if not v.get("first_name") or not v.get("last_name"):
        problems.append(_("Missing Thai first or last name."))
    problems.extend(_cell_problems(v))
    full_name = (v.get("first_name", ""), v.get("last_name", ""))
    if all(full_name) and full_name in seen_names:
        problems.append(
            _("Duplicate person: same Thai name as line %(line)d.")
            % {"line": seen_names[full_name]}
        )
    seen_names.setdefault(full_name, row.line)
    org_name = v.get("organisation", "")
    if org_name and org_name not in organisations:
        problems.append(_("Unknown organisation: “%(name)s”.") % {"name": org_name})
    elif org_name:
        row.organisation_id = organisations[org_name].pk
    if v.get("role", "").lower() not in ROLES:
        problems.append(_("Unknown role: “%(role)s”.") % {"role": v.get("role")})
    team = teams.get(v.get("team", ""))
    if v.get("team") and team is None:
        problems.append(_("Unknown team: “%(team)s”.") % {"team": v.get("team")})
    if team is None and row.organisation_id:
        team = next((t for t in teams.values() if t.organisation_id == row.organisation_id), None)
    row.team_id = team.pk if team else None
    if problems:
        row.action = "error"
    elif email in enrolled:
        row.action = "unchanged"
    else:
        row.action = "enrol" if email in users else "new"


def _cell_problems(values: dict) -> list[str]:
    """What the profile form would refuse: NUL anywhere, unprintable names."""
    if any("\x00" in value for value in values.values()):
        return [_("The row contains a NUL character; save the file again from the spreadsheet.")]
    return [
        f"{User._meta.get_field(field).verbose_name}: {problem}"
        for field in NAME_FIELDS
        if (problem := name_problem(values.get(field, "")))
    ]


@transaction.atomic
def enrolment_import(*, cohort: Cohort, records: list[dict]) -> dict[str, int]:
    """Apply a previewed file: its rows checked again against the database as it is now,
    the clean ones enrolled, all in one transaction; returns counts per action."""
    return apply_rows(cohort=cohort, rows=check_rows(cohort=cohort, records=records))


def apply_rows(*, cohort: Cohort, rows: list[ImportRow]) -> dict[str, int]:
    """Enrol every row without problems; returns counts per action."""
    counts = {"new": 0, "enrol": 0, "unchanged": 0, "error": 0}
    teams = {t.pk: t for t in Team.objects.filter(cohort=cohort)}
    for row in rows:
        if row.action in ("new", "enrol"):
            v = row.values
            profile = {
                key: v.get(key, "")
                for key in (
                    "title_prefix",
                    "first_name",
                    "last_name",
                    "first_name_en",
                    "last_name_en",
                    "position",
                    "phone",
                )
            }
            profile["organisation_id"] = row.organisation_id
            _enrolment, created = enrolment_invite(
                cohort=cohort,
                email=v["email"],
                role=ROLES[v.get("role", "").lower()],
                team=teams.get(row.team_id),
                profile=profile,
            )
            counts[row.action if created else "unchanged"] += 1
        else:
            counts[row.action] += 1
    return counts
