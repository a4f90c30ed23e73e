"""Adding materials (checked by content, facilitators only for their own sessions) and opens."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User
from core.uploads import UploadRefused
from learning.access import teaches_material
from learning.models import Material, MaterialOpen
from learning.uploads import check_material_file


def material_save(*, material: Material, by: User, upload=None) -> Material:
    """Create or change a material. ``upload`` is a new file (checked by its bytes); the
    person must teach its session (coordinators: any session or module)."""
    if not teaches_material(by, material):
        raise PermissionDenied(_("You may add materials only to the sessions you facilitate."))
    if upload is not None:
        try:
            inspected = check_material_file(upload)
        except UploadRefused as refused:
            raise ValidationError({"file": refused.message}) from None
        upload.name = inspected.name
        material.file = upload
        material.file_name = inspected.name
        material.content_type = inspected.content_type
        material.size = inspected.size
    if material.pk is None:
        material.created_by = by
    material.full_clean()
    with transaction.atomic():
        material.save()
    return material


def material_open(*, material: Material, user: User) -> None:
    """Record the first open; later opens change nothing."""
    if not user.is_authenticated:
        return
    try:
        with transaction.atomic():
            MaterialOpen.objects.get_or_create(material=material, user=user)
    except IntegrityError:  # two taps at once: the other one recorded it
        pass
