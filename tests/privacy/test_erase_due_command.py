"""`werkpad erase-due [--dry-run]`: the scheduled retention run."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.candidates.factories import BenefitPeriodFactory, CandidateFactory
from tests.privacy.avg_helpers import years_ago
from werkpad.candidates.models import Candidate
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("erase_due", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def due_and_kept() -> tuple[Candidate, Candidate]:
    due = CandidateFactory(first_name="Fatima", last_name="El Amrani")
    BenefitPeriodFactory(candidate=due, start=years_ago(10), end=years_ago(6), end_reason="work")
    kept = CandidateFactory(first_name="Henk", last_name="Jansen")
    BenefitPeriodFactory(candidate=kept, start=years_ago(10), end=years_ago(1), end_reason="work")
    return due, kept


def test_a_dry_run_names_the_candidates_due_and_changes_nothing(
    due_and_kept: tuple[Candidate, Candidate],
) -> None:
    due, kept = due_and_kept

    output = run("--dry-run")

    assert str(due.pk) in output
    assert str(kept.pk) not in output
    assert "1" in output.splitlines()[-1]
    assert Candidate.objects.filter(erased_at__isnull=False).count() == 0
    assert not ProcessingLogEntry.objects.exists()


def test_the_run_erases_only_those_due_and_logs_each_as_the_system(
    due_and_kept: tuple[Candidate, Candidate],
) -> None:
    due, kept = due_and_kept

    output = run()

    due.refresh_from_db()
    kept.refresh_from_db()
    assert due.erased_at is not None and due.first_name == "Geanonimiseerd"
    assert kept.erased_at is None
    assert str(due.pk) in output
    entry = ProcessingLogEntry.objects.get()
    assert (entry.action, entry.user_id, entry.purpose, entry.candidate_id) == (
        "erase",
        None,
        "retention",
        due.pk,
    )


def test_the_output_holds_no_names_for_the_cron_mail(
    due_and_kept: tuple[Candidate, Candidate],
) -> None:
    output = run()

    assert "Fatima" not in output and "El Amrani" not in output


def test_a_second_run_finds_nothing_left(due_and_kept: tuple[Candidate, Candidate]) -> None:
    run()

    output = run()

    assert output.splitlines()[-1].startswith("0")
    assert ProcessingLogEntry.objects.count() == 1
