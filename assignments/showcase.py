"""Publish an accepted team project to the research showcase as a CMS draft.

The coordinator chooses which files may go public; they are copied into Wagtail
documents (the learners' originals stay private). The page is a draft: an
editor reviews and publishes it in the Wagtail admin. Pressing twice returns
the same draft.

The copies stay in a private collection (coordinators only) while the page is a
draft; publishing the page moves them to the public showcase collection, and
unpublishing or deleting it moves them back (signals connected in apps.py).
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale

from assignments.models import Submission, VersionFile
from curriculum.models import ResearchProjectPage, ResearchThemePage


def showcase_slug(submission: Submission) -> str:
    return f"{submission.assignment.cohort.slug}-team-{submission.team_id}"


def showcase_draft_for(submission: Submission) -> ResearchProjectPage | None:
    return ResearchProjectPage.objects.filter(slug=showcase_slug(submission)).first()


def _theme_page(team) -> ResearchThemePage:
    page = ResearchThemePage.objects.filter(theme=team.theme, locale=Locale.get_default()).first()
    if page is None:
        raise ValidationError(
            _("The research showcase has no page for this team's theme yet (หน้าประเด็นวิจัย).")
        )
    return page


PRIVATE_COLLECTION = "Research showcase: drafts (coordinators only)"
PUBLIC_COLLECTION = "Research showcase"


def _collection(name: str) -> Collection:
    found = Collection.objects.filter(name=name).first()
    return found or Collection.get_first_root_node().add_child(name=name)


def private_collection() -> Collection:
    """Documents here are served to coordinators only (a group view restriction)."""
    from django.contrib.auth.models import Group

    from accounts.roles import COORDINATOR

    collection = _collection(PRIVATE_COLLECTION)
    restriction, created = CollectionViewRestriction.objects.get_or_create(
        collection=collection,
        defaults={"restriction_type": CollectionViewRestriction.GROUPS},
    )
    if created:
        restriction.groups.set(Group.objects.filter(name=COORDINATOR))
    return collection


def _draft_document(version_file: VersionFile, user):
    with version_file.file.open("rb") as handle:
        content = ContentFile(handle.read(), name=version_file.name)
    return get_document_model().objects.create(
        title=version_file.name,
        file=content,
        uploaded_by_user=user,
        collection=private_collection(),
    )


def _page_documents(page) -> list:
    return [
        block.value["document"]
        for block in page.documents
        if block.block_type == "reading" and block.value.get("document")
    ]


def showcase_documents_publish(*, page: ResearchProjectPage) -> None:
    """The page went live: its documents held back as drafts become public."""
    ids = [d.pk for d in _page_documents(page)]
    get_document_model().objects.filter(pk__in=ids, collection=private_collection()).update(
        collection=_collection(PUBLIC_COLLECTION)
    )


def showcase_documents_withdraw(*, page: ResearchProjectPage) -> None:
    """The page was unpublished or deleted: its showcase documents are private again."""
    ids = [d.pk for d in _page_documents(page)]
    get_document_model().objects.filter(pk__in=ids, collection__name=PUBLIC_COLLECTION).update(
        collection=private_collection()
    )


def _paragraphs(text: str) -> str:
    """The team's text as rich text: one <p> per line. Django's linebreaks writes <br>,
    which the summary's editor features do not include, and Wagtail's editor then fails."""
    lines = (line.strip() for line in text.splitlines())
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line)


def _members(team) -> str:
    members = team.members.select_related("user").order_by("user__first_name")
    lines = [f"{m.user.full_name_th} ({m.position_snapshot})" for m in members]
    if team.advisor:
        lines.append(f"{team.advisor.full_name_th} ({_('advisor')})")
    return "\n".join(lines)


@transaction.atomic
def showcase_draft_create(*, submission: Submission, files: list[VersionFile], user):
    """Create (once) a ResearchProjectPage draft pre-filled from an accepted team project."""
    existing = showcase_draft_for(submission)
    if existing:
        return existing
    team = submission.team
    if team is None or submission.status != Submission.Status.ACCEPTED:
        raise ValidationError(_("Only an accepted team project can go to the showcase."))
    if any(f.version.submission_id != submission.pk for f in files):
        raise ValidationError(_("Choose files from this project only."))
    latest = submission.versions.order_by("-number").first()
    organisation = team.organisation
    page = ResearchProjectPage(
        title=team.project_title or team.name,
        slug=showcase_slug(submission),
        locale=Locale.get_default(),
        municipality=organisation.name_th if organisation else team.name,
        organisation=organisation,
        province=organisation.province if organisation else None,
        cohort=submission.assignment.cohort,
        team=_members(team),
        summary=_paragraphs(latest.text) if latest else "",
        documents=[
            (
                "reading",
                {
                    "title": f.name,
                    "author": team.name,
                    "url": "",
                    "document": _draft_document(f, user),
                },
            )
            for f in files
        ],
        live=False,
        owner=user,
    )
    _theme_page(team).add_child(instance=page)
    page.save_revision(user=user)
    return page
