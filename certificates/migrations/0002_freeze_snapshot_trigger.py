"""The database itself refuses to change a certificate's frozen snapshot.

Only status moves (revoke, supersede), the stored PDF and the email stamp may
change after issue; a trigger aborts any UPDATE touching the other columns.
"""

from django.db import migrations

FROZEN = [
    "enrolment_id", "cohort_id", "holder_id", "template_id", "verification_id", "short_code",
    "serial_number", "status_list_index", "holder_name_th", "holder_name_en", "position",
    "organisation_th", "organisation_en", "programme_th", "programme_en", "cohort_number",
    "project_title", "completed_on", "issued_at", "design", "eligible_at_issue",
    "eligibility_reasons", "override_reason", "credential_jwt",
]  # fmt: skip
MESSAGE = "certificate snapshot is frozen"


def _changed(old="OLD", new="NEW"):
    return " OR ".join(f"{old}.{c} IS DISTINCT FROM {new}.{c}" for c in FROZEN)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"""
            CREATE OR REPLACE FUNCTION certificates_freeze() RETURNS trigger AS $$
            BEGIN
              IF {_changed()} THEN
                RAISE EXCEPTION '{MESSAGE}';
              END IF;
              RETURN NEW;
            END $$ LANGUAGE plpgsql;
        """)
        schema_editor.execute(
            "CREATE TRIGGER certificates_freeze BEFORE UPDATE ON certificates_certificate "
            "FOR EACH ROW EXECUTE FUNCTION certificates_freeze();"
        )
    elif vendor == "sqlite":
        schema_editor.execute(f"""
            CREATE TRIGGER certificates_freeze BEFORE UPDATE ON certificates_certificate
            FOR EACH ROW WHEN {_changed().replace("IS DISTINCT FROM", "IS NOT")}
            BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;
        """)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS certificates_freeze ON certificates_certificate;")
        schema_editor.execute("DROP FUNCTION IF EXISTS certificates_freeze();")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS certificates_freeze;")


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
