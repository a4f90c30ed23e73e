"""Consent to the optional uses of a person's data: the one place that answers.

Rows are append-only (``Consent``): giving or withdrawing adds a row, the latest row per
person and purpose is in force, and no row means no consent. Everything that shows or
sends something optional asks here, at the moment it does it, so a withdrawal takes
effect at once everywhere (directory, book, vCard, exports, LINE):

    has_consented(user, Consent.Purpose.DIRECTORY_PHONE)
    consented_purposes([u.pk for u in people])  # a listing: one query for all of them
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max, QuerySet

from accounts.models import Consent, User

Purpose = Consent.Purpose


def consented_purposes(user_ids: Iterable[int]) -> dict[int, set[str]]:
    """For each person, the purposes they consent to now (one query, any number of people)."""
    ids = list(user_ids)
    if not ids:
        return {}
    latest = (
        Consent.objects.filter(user_id__in=ids)
        .values("user_id", "purpose")
        .annotate(last=Max("id"))
        .values("last")
    )
    result: dict[int, set[str]] = {pk: set() for pk in ids}
    for user_id, purpose in Consent.objects.filter(pk__in=latest, given=True).values_list(
        "user_id", "purpose"
    ):
        result[user_id].add(purpose)
    return result


def consenting_user_ids(purpose: str) -> QuerySet:
    """The ids of everyone consenting to this purpose now, as a subquery for a filter:
    ``people.filter(user_id__in=consenting_user_ids(Purpose.DIRECTORY_PROGRAMME))``."""
    latest = (
        Consent.objects.filter(purpose=purpose)
        .values("user_id")
        .annotate(last=Max("id"))
        .values("last")
    )
    return Consent.objects.filter(pk__in=latest, given=True).values("user_id")


def has_consented(user: User, purpose: str) -> bool:
    """Does this person consent to this purpose right now? No decision means no."""
    if user is None or not user.pk:
        return False
    return purpose in consented_purposes([user.pk])[user.pk]


def consent_history(user: User) -> list[Consent]:
    """Every decision the person made, newest first."""
    return list(Consent.objects.filter(user=user).order_by("-recorded_at", "-id"))


@transaction.atomic
def consent_record(*, user: User, decisions: dict[str, bool]) -> list[Consent]:
    """Record the decisions that change what is in force; unchanged ones add no row."""
    unknown = set(decisions) - set(Purpose.values)
    if unknown:
        raise ValueError(f"Unknown consent purposes: {sorted(unknown)}")
    # Lock the person's row so two tabs saving at once cannot interleave their decisions.
    User.objects.select_for_update().filter(pk=user.pk).first()
    now_given = consented_purposes([user.pk])[user.pk]
    added = []
    for purpose, given in decisions.items():
        if given != (purpose in now_given):
            consent = Consent(user=user, purpose=purpose, given=given)
            consent.full_clean()
            consent.save()
            added.append(consent)
    return added
