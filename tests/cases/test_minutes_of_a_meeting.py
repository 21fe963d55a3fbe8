"""Minutes are generated from a meeting's decisions: a print-ready page and a PDF, plus a
pseudonymised version (case number and initials only: no names, no BSN) for wider circulation."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.cases.conftest import Team
from tests.cases.pdf_text import pdf_text
from werkpad.cases.selectors import case_get_unlogged
from werkpad.cases.services import decision_record
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def decided(team: Team) -> Team:
    """A JA whose free text, carelessly, names the candidate and their BSN."""
    candidate = team.candidate
    decision_record(
        acting_user=team.chair,
        view=case_get_unlogged(user=team.chair, case_id=team.case.pk),
        meeting=team.meeting,
        outcome="JA",
        solution=f"Delft voor Elkaar knapt de tuin van {candidate.first_name} op.",
        rationale=(
            f"{candidate.full_name} (BSN {candidate.bsn}) kan pas solliciteren als de tuin "
            "op orde is; de boom van mevrouw de buurvrouw gaat ook mee."
        ),
        principle_codes=["P2", "P3"],
        deviation_rule="Tuinonderhoud is de taak van de huurder",
        deviation_reason=f"{candidate.last_name} kan het niet alleen.",
        committed_organisations=[team.member_org],
        actions=[team.action(description=f"Tuin van {candidate.last_name} snoeien")],
    )
    return team


def get(team: Team, name: str) -> bytes:
    response = team.client_for(team.chair).get(
        reverse(f"cases:{name}", kwargs={"meeting_id": team.meeting.pk})
    )
    assert response.status_code == 200
    return response.content


def names_and_bsn(team: Team) -> list[str]:
    bsn = team.candidate.bsn
    return [
        team.candidate.first_name,
        team.candidate.last_name,
        bsn,
        f"{bsn[:4]} {bsn[4:6]} {bsn[6:]}",
    ]


def test_the_pdf_opens_and_lists_the_decisions(decided: Team) -> None:
    pdf = get(decided, "minutes-pdf")

    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    text = pdf_text(pdf)
    assert "Minutes of the Zeg JA Team" in text
    assert f"1. {decided.candidate.full_name} — Yes" in text
    assert "P2 — Bureaucratie is geen lastpak maar je beste vriend" in text
    assert "Tuinonderhoud is de taak van de huurder" in text
    assert "Delft voor Elkaar" in text


def test_the_print_page_lists_the_decisions(decided: Team) -> None:
    page = get(decided, "minutes").decode()

    assert "Minutes of the Zeg JA Team" in page
    assert f"1. {decided.candidate.full_name} — Yes" in page
    assert "Tuin van El Amrani snoeien" in page


def test_the_pseudonymised_pdf_has_no_name_and_no_bsn(decided: Team) -> None:
    text = pdf_text(get(decided, "minutes-pseudonymised-pdf"))

    assert f"1. {decided.case.reference} (M.E.) — Yes" in text
    for secret in names_and_bsn(decided):
        assert secret not in text
    assert "M.E. (BSN [number])" in text
    assert "solliciteren" in text  # the rest of the text stays


def test_the_pseudonymised_page_has_no_name_and_no_bsn(decided: Team) -> None:
    page = get(decided, "minutes-pseudonymised").decode().split('class="zj-minutes"')[1]

    assert f"{decided.case.reference} (M.E.)" in page
    for secret in names_and_bsn(decided):
        assert secret not in page
    assert str(decided.chair) not in page  # no professionals' names either


def test_reading_the_full_minutes_is_logged_and_the_pseudonymised_not(decided: Team) -> None:
    get(decided, "minutes-pseudonymised")
    assert not ProcessingLogEntry.objects.filter(activity="zeg_ja_minutes").exists()

    get(decided, "minutes")
    entry = ProcessingLogEntry.objects.get(activity="zeg_ja_minutes")
    assert (entry.user_id, entry.purpose, entry.candidate_id) == (
        decided.chair.pk,
        "zeg_ja_team",
        decided.candidate.pk,
    )


def test_a_case_not_decided_at_the_meeting_says_so(team: Team) -> None:
    text = pdf_text(get(team, "minutes-pdf"))

    assert "No decision recorded" in text
