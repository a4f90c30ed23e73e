"""Signatures leave Wagtail's image library for the private store.

Each signatory's image, and each image an issued certificate's frozen design names as a
signature (one replaced before this migration), is copied to "certificates/signatures/legacy/<its media name>"
(certificates.signatures.LEGACY_PREFIX, where the PDF of a design frozen before this
finds it) and becomes the signatory's file; then the image, its renditions and their
public files are deleted, unless something else still uses that image (a template's
background, or a page or snippet in Wagtail's reference index).

Issued certificates do not change: their frozen design and stored PDF stay as they are.
Not reversible: the images are gone (reversing leaves the signatories' files in place).
"""

from django.db import migrations

from core.storage import private_storage

LEGACY_PREFIX = "certificates/signatures/legacy/"


def _copy(image, storage) -> str:
    """The image's file in the private store ("" when the file is lost already)."""
    name = LEGACY_PREFIX + image.file.name
    if storage.exists(name):
        return name
    try:
        with image.file.open("rb") as handle:
            return storage.save(name, handle)
    except FileNotFoundError:
        return ""


def _used_elsewhere(apps, image_ids: set[int]) -> set[int]:
    """Images a template background or any non-certificate object still refers to."""
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    used = set(
        CertificateTemplate.objects.filter(background_id__in=image_ids).values_list(
            "background_id", flat=True
        )
    )
    image_type = ContentType.objects.filter(app_label="wagtailimages", model="image").first()
    if image_type is not None:
        used |= {
            int(pk)
            for pk in ReferenceIndex.objects.filter(
                to_content_type=image_type, to_object_id__in=[str(pk) for pk in image_ids]
            )
            .exclude(base_content_type__app_label="certificates")
            .values_list("to_object_id", flat=True)
        }
    return used


def _delete(image) -> None:
    for rendition in image.renditions.all():
        rendition.file.delete(save=False)
    image.file.delete(save=False)
    image.delete()


def _frozen_signature_names(apps) -> set[str]:
    """Media names of the signatures issued certificates' frozen designs show."""
    Certificate = apps.get_model("certificates", "Certificate")
    names = set()
    for design in Certificate.objects.values_list("design", flat=True).iterator():
        for signatory in (design or {}).get("signatories", []):
            url = signatory.get("signature_url") or ""
            if url.startswith("/media/"):
                names.add(url.removeprefix("/media/"))
    return names


def move_signatures(apps, schema_editor):
    Image = apps.get_model("wagtailimages", "Image")
    Signatory = apps.get_model("certificates", "Signatory")
    storage = private_storage()
    moved: dict[int, object] = {}
    for signatory in Signatory.objects.exclude(signature=None).select_related("signature"):
        image = signatory.signature
        signatory.signature_file = _copy(image, storage)
        signatory.save(update_fields=["signature_file"])
        moved[image.pk] = image
    for image in Image.objects.filter(file__in=_frozen_signature_names(apps)):
        if image.pk not in moved and _copy(image, storage):
            moved[image.pk] = image
    kept = _used_elsewhere(apps, set(moved))
    for pk, image in moved.items():
        if pk not in kept:
            _delete(image)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0010_signatory_signature_file"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
        ("wagtailimages", "0027_image_description"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move_signatures, migrations.RunPython.noop)]
