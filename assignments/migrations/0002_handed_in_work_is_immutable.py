"""The database itself refuses to change handed-in work.

PostgreSQL: row triggers refuse UPDATE and DELETE on submission versions and
their files (TRUNCATE, used only by the test suite's flush, is not a row event).
SQLite: triggers refuse UPDATE (its flush uses DELETE, so DELETE is left to the
models and the PROTECT foreign keys there).
"""

from django.db import migrations

TABLES = ["assignments_submissionversion", "assignments_versionfile"]

PG_FUNCTION = """
CREATE OR REPLACE FUNCTION assignments_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'handed-in work is immutable: % on %', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION, params=None)
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION assignments_refuse_change();"
            )
    elif vendor == "sqlite":
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'handed-in work is immutable: UPDATE on {table}'); END;"
            )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable ON {table};")
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable;")
    if vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS assignments_refuse_change();")


class Migration(migrations.Migration):
    dependencies = [("assignments", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
