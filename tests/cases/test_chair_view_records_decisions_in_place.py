"""The chair's view takes the team through the agenda one case at a time and records each
decision without leaving the page (htmx answers with the next case and the updated agenda)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.candidates.factories import CandidateFactory, ConsentFactory
from tests.cases.conftest import Team, decision_form_data
from tests.cases.factories import AgendaItemFactory, CaseFactory
from werkpad.cases.models import Decision

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def second(team: Team):
    candidate = CandidateFactory(first_name="Anna", last_name="de Wit")
    ConsentFactory(candidate=candidate, organisation=team.submitting, purpose="zeg_ja_team")
    case = CaseFactory(
        candidate=candidate, submitting_organisation=team.submitting, status="scheduled"
    )
    AgendaItemFactory(meeting=team.meeting, case=case, position=2, time_box_minutes=20)
    return case


def url(team: Team) -> str:
    return reverse("cases:chair", kwargs={"meeting_id": team.meeting.pk})


def test_the_chair_sees_the_first_undecided_case_and_the_agenda(team: Team, second) -> None:
    page = team.client_for(team.chair).get(url(team)).content.decode()

    assert "Case 1 of 2: ZJA-" in page
    assert 'aria-current="step"' in page
    assert "Anna de Wit" in page  # in the agenda
    assert 'name="besluit-outcome"' in page


def test_recording_a_decision_swaps_in_the_next_case(team: Team, second) -> None:
    response = team.client_for(team.chair).post(url(team), decision_form_data(team, punt=1), **HTMX)

    page = response.content.decode()
    assert response.status_code == 200
    assert f"Decision recorded for {team.case.reference}." in page
    assert f"Case 2 of 2: {second.reference} — Anna de Wit" in page
    assert 'id="chair-agenda" aria-label="Agenda" hx-swap-oob="true"' in page
    assert "<html" not in page
    decision = Decision.objects.get()
    assert (decision.case, decision.meeting) == (team.case, team.meeting)


def test_a_refused_decision_comes_back_in_place_with_the_reasons(team: Team, second) -> None:
    response = team.client_for(team.chair).post(
        url(team), decision_form_data(team, punt=1, actions=0), **HTMX
    )

    assert response.status_code == 400
    assert "A JA or JA MITS comes with at least one action" in response.content.decode()
    assert not Decision.objects.exists()


def test_without_htmx_the_chair_goes_to_the_next_case(team: Team, second) -> None:
    response = team.client_for(team.chair).post(url(team), decision_form_data(team, punt=1))

    assert response.status_code == 302
    assert response["Location"].endswith("?punt=2")


def test_a_decided_case_shows_its_decision(team: Team, second) -> None:
    client = team.client_for(team.chair)
    client.post(url(team), decision_form_data(team, punt=1))

    page = client.get(f"{url(team)}?punt=1", **HTMX).content.decode()

    assert "Vrijwilligers van Delft voor Elkaar knappen de tuin op." in page
    assert 'name="besluit-outcome"' not in page


def test_a_member_follows_along_but_does_not_record(team: Team, second) -> None:
    page = team.client_for(team.member).get(url(team)).content.decode()

    assert "Mohammed El Amrani" in page
    assert 'name="besluit-outcome"' not in page
    assert "The chair records the decision for this case." in page


def test_a_member_cannot_record_by_posting(team: Team, second) -> None:
    response = team.client_for(team.member).post(url(team), decision_form_data(team, punt=1))

    assert response.status_code == 400
    assert not Decision.objects.exists()


def test_an_outsider_sees_only_case_numbers(team: Team, second) -> None:
    page = team.client_for(team.outsider).get(url(team)).content.decode()

    assert team.case.reference in page
    assert "El Amrani" not in page
    assert "You may not see this case" in page
