"""Reads of the directory: who is in it, what of each person may be shown.

Only people who consent to be listed (``Purpose.DIRECTORY_LISTED``) are in it at all,
for every viewer, coordinators included; every contact field and the photo need their
own consent on top. All of it passes through ``accounts.consent`` at the moment of
reading, so a withdrawal removes it from the page, the book and the vCard at once.
A listing costs the same few queries for 20 people as for 2,000.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from accounts.consent import Purpose, consented_purposes, consenting_user_ids
from accounts.regions import Region, province_codes, region_of
from cohorts.models import Cohort, Enrolment


@dataclass(frozen=True)
class Filters:
    query: str = ""
    province: int | None = None
    region: str = ""
    kind: str = ""
    theme: str = ""
    cohort: int | None = None


@dataclass(frozen=True)
class Entry:
    """One person of one cohort as the directory shows them; empty means not shown."""

    user_id: int
    enrolment_id: int
    name_th: str
    name_en: str
    initial: str  # shown in place of a photo
    position: str
    organisation: str
    organisation_en: str
    organisation_kind: str
    province: str
    region: str
    cohort: Cohort
    team: str
    project_title: str
    theme: str
    has_photo: bool
    phone: str
    email: str
    line_id: str


def _members(rule: Q) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.current()
        .filter(rule, user_id__in=consenting_user_ids(Purpose.DIRECTORY_LISTED))
        .select_related("user__organisation__province", "cohort", "team__organisation")
        .order_by("-cohort__number", "team__name", "user__first_name", "user__last_name", "pk")
    )


def _filtered(members: QuerySet[Enrolment], filters: Filters) -> QuerySet[Enrolment]:
    if filters.query:
        for word in filters.query.split():
            members = members.filter(
                Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
                | Q(user__first_name_en__icontains=word)
                | Q(user__last_name_en__icontains=word)
                | Q(user__organisation__name_th__icontains=word)
                | Q(user__organisation__name_en__icontains=word)
            )
    if filters.province:
        members = members.filter(user__organisation__province_id=filters.province)
    if filters.region:
        members = members.filter(
            user__organisation__province__code__in=province_codes(filters.region)
        )
    if filters.kind:
        members = members.filter(user__organisation__kind=filters.kind)
    if filters.theme:
        members = members.filter(team__theme=filters.theme)
    if filters.cohort:
        members = members.filter(cohort_id=filters.cohort)
    return members


def directory_members(
    *,
    cohorts: QuerySet[Cohort] | None = None,
    visible: Q | None = None,
    filters: Filters | None = None,
) -> QuerySet[Enrolment]:
    """The current learners and graduates that match the filters: everyone of these
    cohorts, or the enrolments a viewer may see (``alumni.access.visible_enrolments``)."""
    rule = Q(cohort__in=cohorts) if cohorts is not None else visible
    if rule is None:
        raise ValueError("directory_members needs cohorts or visible")
    return _filtered(_members(rule), filters or Filters())


def entries_for(enrolments: Iterable[Enrolment]) -> list[Entry]:
    """What may be shown of each (one query for everybody's consents)."""
    enrolments = list(enrolments)
    consents = consented_purposes({e.user_id for e in enrolments})
    return [_entry(e, consents.get(e.user_id, set())) for e in enrolments]


def _entry(enrolment: Enrolment, given: set[str]) -> Entry:
    user, team = enrolment.user, enrolment.team
    organisation = user.organisation or enrolment.organisation_snapshot
    province = organisation.province if organisation else None
    return Entry(
        user_id=user.pk,
        enrolment_id=enrolment.pk,
        name_th=user.full_name_th or user.full_name_en,
        name_en=user.full_name_en,
        initial=(user.first_name or user.first_name_en or "?")[:1],
        position=user.position or enrolment.position_snapshot,
        organisation=organisation.name_th if organisation else enrolment.organisation_name_snapshot,
        organisation_en=organisation.name_en if organisation else "",
        organisation_kind=organisation.get_kind_display() if organisation else "",
        province=province.name_th if province else "",
        region=str(Region(region_of(province.code)).label) if province else "",
        cohort=enrolment.cohort,
        team=team.name if team else "",
        project_title=team.project_title if team else "",
        theme=team.get_theme_display() if team and team.theme else "",
        has_photo=bool(user.photo) and Purpose.DIRECTORY_PHOTO in given,
        phone=user.phone if Purpose.DIRECTORY_PHONE in given else "",
        email=user.email if Purpose.DIRECTORY_EMAIL in given else "",
        line_id=user.line_id if Purpose.DIRECTORY_LINE in given else "",
    )


def unlisted_member(user) -> bool:
    """Is this person enrolled in a cohort yet kept out of its directory by their choice?"""
    listed = consenting_user_ids(Purpose.DIRECTORY_LISTED)
    return Enrolment.objects.current().filter(user=user).exclude(user_id__in=listed).exists()


def person_entry(*, visible: Q, user_id: int) -> Entry | None:
    """One person as the viewer may see them (their latest visible cohort), or None."""
    enrolment = _members(visible).filter(user_id=user_id).first()
    return entries_for([enrolment])[0] if enrolment else None
