"""Indexes the monitor's aggregates need on other apps' tables (added here, not in their
migrations, because only the monitor reads them this way).

- Benefit periods per person in start order, carrying end and end reason: the CBS 30-day rule
  reads each person's previous end and next start (LAG/LEAD) from this index alone.
- Ladder scores per person in assessment order, carrying the step: the ladder figures.
On PostgreSQL the carried columns are INCLUDEd; SQLite gets the plain index.
"""

from django.db import migrations

INDEXES = (
    (
        "monitor_benefitperiod_person",
        "candidates_benefitperiod",
        '(candidate_id, start, id) INCLUDE ("end", end_reason)',
        "(candidate_id, start, id)",
    ),
    (
        "monitor_ladderscore_person",
        "candidates_ladderscore",
        "(candidate_id, assessed_on, created_at, id) INCLUDE (step)",
        "(candidate_id, assessed_on, created_at, id)",
    ),
)


def create(apps, schema_editor):
    postgresql = schema_editor.connection.vendor == "postgresql"
    for name, table, postgresql_columns, plain_columns in INDEXES:
        columns = postgresql_columns if postgresql else plain_columns
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {columns}")


def drop(apps, schema_editor):
    for name, *_rest in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("monitor", "0002_programme_goals_and_zeg_ja_pilot"),
        ("candidates", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
