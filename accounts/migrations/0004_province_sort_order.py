from django.db import migrations, models


def fill_sort_order(apps, schema_editor):
    """Number the provinces in Thai dictionary order (pythainlp's collation)."""
    from pythainlp.util import collate

    Province = apps.get_model("accounts", "Province")
    provinces = {p.name_th: p for p in Province.objects.all()}
    for position, name in enumerate(collate(provinces), start=1):
        provinces[name].sort_order = position
    Province.objects.bulk_update(provinces.values(), ["sort_order"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_person_names_printable")]

    operations = [
        migrations.AddField(
            model_name="province",
            name="sort_order",
            field=models.PositiveSmallIntegerField(
                default=0, editable=False, verbose_name="sort order"
            ),
        ),
        migrations.AlterModelOptions(
            name="province",
            options={
                "ordering": ["sort_order", "name_th"],
                "verbose_name": "province",
                "verbose_name_plural": "provinces",
            },
        ),
        migrations.RunPython(fill_sort_order, migrations.RunPython.noop),
    ]
