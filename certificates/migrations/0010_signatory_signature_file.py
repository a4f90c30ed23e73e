# The private signature file beside the old image link; 0011 moves the images, 0012 drops the link.

import certificates.signatures
import core.storage
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0009_lookup_counts"),
    ]

    operations = [
        migrations.AddField(
            model_name="signatory",
            name="signature_file",
            field=models.FileField(
                blank=True,
                help_text="PNG, JPEG or WebP, at most 2 MB; a transparent background prints best.",
                max_length=255,
                storage=core.storage.private_storage,
                upload_to="certificates/signatures/",
                validators=[certificates.signatures.validate_signature],
                verbose_name="signature image",
            ),
        ),
    ]
