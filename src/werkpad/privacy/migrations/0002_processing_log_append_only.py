"""On PostgreSQL the database itself refuses to change or delete processing-log entries."""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

CREATE = """
CREATE OR REPLACE FUNCTION werkpad_processing_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The processing log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER processing_log_append_only
    BEFORE UPDATE OR DELETE ON privacy_processinglogentry
    FOR EACH ROW EXECUTE FUNCTION werkpad_processing_log_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS processing_log_append_only ON privacy_processinglogentry;
DROP FUNCTION IF EXISTS werkpad_processing_log_append_only();
"""


def create_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_trigger(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
