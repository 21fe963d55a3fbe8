"""Learning from cases: days to decision and to solution per case; for the programme the share
solved, median days and the barriers that keep coming back — aggregates only, health as one
kind, and counts below 5 shown as "< 5" to the board."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.cases.conftest import Team
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db

LEARNING = reverse("cases:learning")


@pytest.fixture
def history(team: Team) -> None:
    today = timezone.localdate()
    for days, kinds in ((10, ["health", "debts"]), (20, ["debts"]), (40, ["debts", "language"])):
        CaseFactory(
            status="solved",
            submitted_on=today - dt.timedelta(days=90),
            decided_on=today - dt.timedelta(days=90 - days),
            solved_on=today - dt.timedelta(days=30),
            knelpunt_kinds=kinds,
        )
    for _ in range(4):
        CaseFactory(status="submitted", knelpunt_kinds=["childcare", "debts"])


def test_the_programme_lead_sees_exact_figures(team: Team, history: None) -> None:
    page = team.client_for(team.programme_lead).get(LEARNING).content.decode()

    assert '<span class="zj-figure__value">8</span> cases in all' in page
    assert '<span class="zj-figure__value">3</span> cases solved' in page
    assert '<span class="zj-figure__value">38%</span> share solved' in page
    assert (
        '<span class="zj-figure__value">20</span> median days from submission to decision' in page
    )
    assert (
        '<span class="zj-figure__value">60</span> median days from submission to solution' in page
    )
    knelpunten = page.split('id="knelpunten"')[1]
    assert knelpunten.index("Debts") < knelpunten.index("Childcare") < knelpunten.index("Health")


def test_the_board_sees_small_counts_as_less_than_five(team: Team, history: None) -> None:
    page = team.client_for(team.board).get(LEARNING).content.decode()

    assert '<span class="zj-figure__value">8</span> cases in all' in page
    assert '<span class="zj-figure__value">&lt; 5</span> cases solved' in page
    assert '<span class="zj-figure__value">—</span> median days from submission to solution' in page
    knelpunten = page.split('id="knelpunten"')[1]
    assert "&lt; 5" in knelpunten
    assert ">7<" in knelpunten  # debts: seven cases


def test_health_is_shown_only_as_one_aggregate_kind(team: Team, history: None) -> None:
    page = team.client_for(team.programme_lead).get(LEARNING).content.decode()

    assert "Health" in page
    for kind in ("Physical complaints", "Psychological complaints", "Addiction"):
        assert kind not in page


def test_no_case_or_person_appears_on_the_page(team: Team, history: None) -> None:
    page = team.client_for(team.programme_lead).get(LEARNING).content.decode()

    assert team.case.reference not in page
    assert team.candidate.last_name not in page


def test_only_the_programme_lead_and_the_board_see_it(team: Team) -> None:
    assert team.client_for(team.member).get(LEARNING).status_code == 403
    assert team.client_for(team.submitter).get(LEARNING).status_code == 403


def test_the_case_page_shows_the_days_to_decision(team: Team) -> None:
    team.case.submitted_on = timezone.localdate() - dt.timedelta(days=12)
    team.case.decided_on = timezone.localdate()
    team.case.save()

    page = (
        team.client_for(team.submitter)
        .get(reverse("cases:detail", kwargs={"case_id": team.case.pk}))
        .content.decode()
    )

    assert "<dt>Days to the first decision</dt><dd>12</dd>" in page
    assert "<dt>Days to the solution</dt><dd>not solved yet</dd>" in page
