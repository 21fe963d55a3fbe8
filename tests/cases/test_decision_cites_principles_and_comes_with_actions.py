"""Each decision has a rationale and cites a principle; a JA or JA MITS comes with an action;
a JA MITS names its condition, an escalation says to whom and why; going outside the rules
names the rule and the reason; only organisations with a mandate holder present commit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.cases.conftest import Team, decision_form_data
from tests.cases.factories import PrincipleFactory
from werkpad.cases.models import Action, Decision

pytestmark = pytest.mark.django_db


def record(team: Team, **kwargs: object):
    return team.client_for(team.chair).post(
        reverse("cases:chair", kwargs={"meeting_id": team.meeting.pk}),
        decision_form_data(team, punt=1, **kwargs),  # type: ignore[arg-type]
    )


def api_record(team: Team, payload: dict) -> object:
    return team.api_for(team.chair).post(
        f"/api/v1/cases/{team.case.pk}/decision/", payload, format="json"
    )


def test_a_ja_without_an_action_is_refused_clearly(team: Team) -> None:
    response = record(team, actions=0)

    assert response.status_code == 400
    assert "A JA or JA MITS comes with at least one action" in response.content.decode()
    assert not Decision.objects.exists()
    assert not Action.objects.exists()


def test_the_api_refuses_a_ja_mits_without_an_action(team: Team) -> None:
    response = api_record(
        team,
        {
            "outcome": "JA_MITS",
            "rationale": "Het kan, als de verhuurder meewerkt.",
            "solution": "Tuin opknappen",
            "condition": "De verhuurder betaalt de container.",
            "principles": ["P2"],
        },
    )

    assert response.status_code == 400
    assert "actions" in response.json()["errors"]
    assert not Decision.objects.exists()


def test_a_decision_without_a_principle_is_refused_clearly(team: Team) -> None:
    response = record(team, principles=())

    assert response.status_code == 400
    assert "Cite at least one principle of good customisation." in response.content.decode()
    assert not Decision.objects.exists()


def test_the_api_refuses_an_escalation_without_a_principle(team: Team) -> None:
    response = api_record(
        team,
        {
            "outcome": "ESCALATED",
            "rationale": "Alleen de wethouder kan hierover beslissen.",
            "escalated_to": "Wethouder werk en inkomen",
            "escalation_reason": "Het vraagt geld buiten elk budget.",
            "principles": [],
        },
    )

    assert response.status_code == 400
    assert response.json()["errors"]["principles"] == [
        "Cite at least one principle of good customisation."
    ]


def test_a_ja_mits_needs_its_condition(team: Team) -> None:
    response = record(team, outcome="JA_MITS")

    assert response.status_code == 400
    assert "Name the condition of the JA MITS." in response.content.decode()


def test_an_escalation_says_to_whom_and_why(team: Team) -> None:
    response = record(team, outcome="ESCALATED", actions=0)

    page = response.content.decode()
    assert response.status_code == 400
    assert "Say to whom the case is escalated." in page
    assert "Say why the team escalates." in page


def test_going_outside_the_rules_names_the_rule_and_the_reason(team: Team) -> None:
    response = record(team, deviation_rule="Participatiewet art. 31: vrijlating inkomsten")

    assert response.status_code == 400
    assert "Explain why the team goes outside this rule." in response.content.decode()


def test_only_organisations_with_a_mandate_holder_present_commit(team: Team) -> None:
    response = record(team, committed_organisations=[team.submitting.slug])

    assert response.status_code == 400
    assert not Decision.objects.exists()


def test_a_retired_principle_cannot_be_cited(team: Team) -> None:
    PrincipleFactory(code="P9", title="Oud beginsel", active=False)

    response = api_record(
        team,
        {
            "outcome": "ESCALATED",
            "rationale": "Buiten ons mandaat.",
            "escalated_to": "Directie Sociaal Domein",
            "escalation_reason": "Het vraagt een besluit van de directie.",
            "principles": ["P9"],
        },
    )

    assert response.status_code == 400
    assert "retired" in response.json()["errors"]["principles"][0]


def test_a_complete_ja_is_recorded_with_its_actions_and_principles(team: Team) -> None:
    response = record(
        team,
        actions=2,
        principles=("P1", "P3"),
        deviation_rule="Maximaal één keer per jaar een tuinbon",
        deviation_reason="Zonder opgeknapte tuin komt hij niet aan werk toe.",
    )

    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.outcome == "JA"
    assert decision.meeting == team.meeting
    assert sorted(p.code for p in decision.principles.all()) == ["P1", "P3"]
    assert [o.slug for o in decision.committed_organisations.all()] == ["delft-voor-elkaar"]
    assert decision.goes_beyond_rules
    assert decision.actions.count() == 2
    team.case.refresh_from_db()
    assert team.case.status == "decided"
    assert [t.target for t in team.case.transitions.all()] == [
        "submitted",
        "scheduled",
        "discussed",
        "decided",
    ]


def test_a_retired_principle_stays_readable_on_old_decisions(team: Team) -> None:
    record(team, principles=("P3",))
    team.client_for(team.programme_lead).post(
        reverse("cases:principle-active", kwargs={"code": "P3"}), {"version": 1}
    )

    page = team.client_for(team.chair).get(
        reverse("cases:detail", kwargs={"case_id": team.case.pk})
    )

    text = page.content.decode()
    assert "P3 — Omarm het ongelijkheidsbeginsel (retired)" in text


def test_an_escalated_case_is_decided_again_later(team: Team) -> None:
    record(
        team,
        outcome="ESCALATED",
        actions=0,
        escalated_to="Wethouder werk en inkomen",
        escalation_reason="Het vraagt een uitzondering op het beleid.",
    )
    team.case.refresh_from_db()
    assert team.case.status == "escalated"
    escalated_on = team.case.decided_on

    response = team.client_for(team.chair).post(
        reverse("cases:decision", kwargs={"case_id": team.case.pk}), decision_form_data(team)
    )

    assert response.status_code == 302
    team.case.refresh_from_db()
    assert team.case.status == "decided"
    assert team.case.decided_on == escalated_on  # learning counts the first answer
    assert list(team.case.decisions.values_list("outcome", flat=True)) == ["ESCALATED", "JA"]
