"""The programme lead adds, edits and retires principles; P1–P3 come seeded; everyone reads
them; a retired principle is no longer offered but stays readable on old decisions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.cases.conftest import Team
from werkpad.cases.models import Principle

pytestmark = pytest.mark.django_db


def test_p1_to_p3_are_seeded_from_the_published_principles(db: None) -> None:
    assert list(Principle.objects.values_list("code", "title", "active")) == [
        ("P1", "Zonder plan geen maatwerk", True),
        ("P2", "Bureaucratie is geen lastpak maar je beste vriend", True),
        ("P3", "Omarm het ongelijkheidsbeginsel", True),
    ]


def test_the_programme_lead_adds_a_principle(team: Team) -> None:
    response = team.client_for(team.programme_lead).post(
        reverse("cases:principle-create"),
        {"code": "p4", "title": "Nee is geen antwoord", "explanation": "Zoek altijd een ja."},
    )

    assert response.status_code == 302
    assert Principle.objects.get(code="P4").title == "Nee is geen antwoord"


def test_a_code_is_used_once(team: Team) -> None:
    response = team.client_for(team.programme_lead).post(
        reverse("cases:principle-create"), {"code": "P1", "title": "x", "explanation": "y"}
    )

    assert response.status_code == 400
    assert "This code is already in use." in response.content.decode()


def test_the_programme_lead_edits_the_wording_not_the_code(team: Team) -> None:
    client = team.client_for(team.programme_lead)
    url = reverse("cases:principle-edit", kwargs={"code": "P1"})

    edited = client.post(
        url, {"title": "Geen maatwerk zonder plan", "explanation": "Z", "version": 1}
    )
    stale = client.post(url, {"title": "Iets anders", "explanation": "Z", "version": 1})

    assert edited.status_code == 302
    assert Principle.objects.get(code="P1").title == "Geen maatwerk zonder plan"
    assert stale.status_code == 400


def test_retiring_asks_for_confirmation_and_removes_it_from_the_decision_form(
    team: Team,
) -> None:
    client = team.client_for(team.programme_lead)
    url = reverse("cases:principle-active", kwargs={"code": "P1"})

    question = client.get(url).content.decode()
    client.post(url, {"version": 1})

    assert "Retire principle P1?" in question
    assert not Principle.objects.get(code="P1").active
    form = team.client_for(team.chair).get(
        reverse("cases:chair", kwargs={"meeting_id": team.meeting.pk})
    )
    assert 'value="P1"' not in form.content.decode()
    assert 'value="P2"' in form.content.decode()
    listed = team.client_for(team.member).get(reverse("cases:principles")).content.decode()
    assert "No, retired" in listed


def test_a_retired_principle_can_be_used_again(team: Team) -> None:
    Principle.objects.filter(code="P1").update(active=False)

    team.client_for(team.programme_lead).post(
        reverse("cases:principle-active", kwargs={"code": "P1"}), {"version": 1, "active": "on"}
    )

    assert Principle.objects.get(code="P1").active


def test_only_the_programme_lead_manages_principles(team: Team) -> None:
    client = team.client_for(team.chair)

    assert client.get(reverse("cases:principle-create")).status_code == 403
    assert (
        client.post(reverse("cases:principle-active", kwargs={"code": "P1"}), {"version": 1})
    ).status_code == 403
    assert Principle.objects.get(code="P1").active
