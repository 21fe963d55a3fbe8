"""Every model change has its migration: `makemigrations --check` finds nothing to write."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration() -> None:
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(
            f"Models changed without a migration: run `werkpad makemigrations`.\n{out.getvalue()}"
        )
