"""Enrolment import from CSV or XLSX: parse, check every row, then apply the clean ones.

check_rows() never writes; apply_rows() enrols only rows without problems and
is idempotent (a person already enrolled is left unchanged), so importing the
same file twice changes nothing.
"""

import csv
import io
from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from cohorts.models import Cohort, Enrolment, Team
from core.names import name_problem

MAX_ROWS = 2000
MAX_COLUMNS = 50  # our sheets have a dozen; more is read as empty
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


class ImportFileError(ValueError):
    """The file cannot be read at all (wrong type, no header, too many rows)."""


@dataclass
class ImportRow:
    line: int
    values: dict
    action: str = ""  # new, enrol, unchanged, error
    problems: list = field(default_factory=list)
    organisation_id: int | None = None
    team_id: int | None = None


def read_table(name: str, content: bytes, *, headers: dict = HEADERS) -> list[dict]:
    """Rows as dicts keyed by our field names; the first row holds the headers.

    headers maps each field name to the column titles that mean it (attendance
    imports pass their own). Reading stops one row past MAX_ROWS, so a sheet of
    170,000 rows is refused after reading 2,001 of them."""
    if name.lower().endswith(".xlsx"):
        table = _xlsx(content)
    elif name.lower().endswith(".csv"):
        table = _csv(content)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    if not table:
        raise ImportFileError(_("The file is empty."))
    columns = [_column(header, headers) for header in table[0]]
    if "email" not in columns:
        raise ImportFileError(_("The first row must name the columns, including “email”."))
    rows = table[1:]
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("At most %(max)d rows per file.") % {"max": MAX_ROWS})
    return [
        {
            col: str(cell if cell is not None else "").strip()
            for col, cell in zip(columns, r, strict=False)
            if col
        }
        for r in rows
    ]


def _filled(row) -> bool:
    return any(str(cell or "").strip() for cell in row)


def _header_and_rows(rows) -> list[list]:
    """The header and the non-empty rows after it, at most one past the limit."""
    table = []
    for row in rows:
        if table and not _filled(row):
            continue
        table.append(list(row))
        if len(table) > MAX_ROWS + 1:
            break
    return table


def _column(header, headers: dict) -> str | None:
    text = str(header or "").strip().lower()
    return next((key for key, names in headers.items() if text in names), None)


def _csv(content: bytes) -> list[list]:
    for encoding in ("utf-8-sig", "cp874"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(_("Save the CSV file as UTF-8."))
    try:
        return _header_and_rows(csv.reader(io.StringIO(text)))
    except csv.Error as error:  # e.g. a cell longer than the csv module allows
        raise ImportFileError(
            _("This CSV file cannot be read (a cell is too long or the file is damaged).")
        ) from error


def _xlsx(content: bytes) -> list[list]:
    from openpyxl import load_workbook

    unreadable = _("This is not a readable Excel (.xlsx) file.")
    try:
        if _xlsx_rows_over_limit(content):
            raise ImportFileError(_("At most %(max)d rows per file.") % {"max": MAX_ROWS})
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except ImportFileError:
        raise
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(unreadable) from error
    try:
        rows = book.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS)
        return _header_and_rows(rows)
    except Exception as error:  # damaged XML further down the sheet
        raise ImportFileError(unreadable) from error
    finally:
        book.close()


def _xlsx_rows_over_limit(content: bytes) -> bool:
    """Count the first sheet's filled rows, streaming, and stop one past the limit.

    openpyxl reads a whole sheet that lacks a <dimension> element (as many
    generators write it) before returning the first row, 22 s for 170,000 rows;
    this look ahead stops at row 2,001 (or at 10 × MAX_ROWS rows, filled or not)."""
    import zipfile
    from xml.etree.ElementTree import iterparse  # noqa: S405 - expat limits entity expansion

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = sorted(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        if not sheets:
            return False
        with archive.open(min(sheets, key=len)) as sheet:  # sheet1.xml before sheet10.xml
            filled = seen = 0
            for _event, element in iterparse(sheet):  # noqa: S314
                if element.tag.endswith("}row"):
                    seen += 1
                    filled += any(len(cell) for cell in element)  # a cell with a value
                    if filled > MAX_ROWS + 1 or seen > 10 * MAX_ROWS:
                        return True
                    element.clear()
    return False


def check_rows(*, cohort: Cohort, records: list[dict]) -> list[ImportRow]:
    organisations = _organisations(records)
    teams = {team.name: team for team in cohort.teams.all()}
    emails = {r.get("email", "").lower() for r in records}
    users = {u.email.lower(): u for u in User.objects.filter(email__in=emails)}
    enrolled = set(
        Enrolment.objects.filter(
            cohort=cohort, status__in=[Enrolment.Status.ACTIVE, Enrolment.Status.COMPLETED]
        ).values_list("user__email", flat=True)
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


def apply_rows(*, cohort: Cohort, rows: list[ImportRow]) -> dict[str, int]:
    """Enrol every row without problems; returns counts per action."""
    from cohorts.services import enrolment_invite

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


def rows_to_json(rows: list[ImportRow]) -> list[dict]:
    return [asdict(row) for row in rows]
