# The image link goes; the private file takes its name.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0011_signatures_leave_image_library"),
    ]

    operations = [
        migrations.RemoveField(model_name="signatory", name="signature"),
        migrations.RenameField(
            model_name="signatory", old_name="signature_file", new_name="signature"
        ),
    ]
