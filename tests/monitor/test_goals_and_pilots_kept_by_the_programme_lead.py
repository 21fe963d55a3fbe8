"""The programme lead keeps the goals and the pilot register; the board reads the register."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client

from tests.cases.factories import CaseFactory
from tests.factories import OrganisationFactory
from tests.monitor.factories import GoalFactory, PilotFactory
from tests.offers.factories import OfferFactory
from werkpad.accounts.models import User
from werkpad.monitor.models import Goal, Pilot
from werkpad.organisations.roles import Role

D = dt.date


@pytest.fixture
def lead(client: Client, user_with_role: Callable[..., User]) -> Client:
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    return client


def _goal_form(**changes: object) -> dict[str, object]:
    return {
        "title": "Minder mensen langdurig in de bijstand",
        "metric": "long_term",
        "baseline_value": "1200",
        "baseline_date": "2019-01-01",
        "target_value": "800",
        "target_date": "2023-12-31",
        "usual_outflow_per_year": "500",
        "usual_share_to_work": "",
        "position": "3",
        **changes,
    }


def test_programme_lead_adds_and_changes_a_goal(lead: Client) -> None:
    response = lead.post("/monitor/doelen/nieuw/", _goal_form())
    assert response.status_code == 302
    goal = Goal.objects.get(metric="long_term")
    assert (goal.baseline_value, goal.target_value) == (1200, 800)
    page = lead.get(f"/monitor/doelen/{goal.pk}/bewerken/")
    assert page.status_code == 200
    response = lead.post(
        f"/monitor/doelen/{goal.pk}/bewerken/", _goal_form(target_value="700", version="1")
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.target_value, goal.version) == (700, 2)


def test_a_stale_goal_form_is_refused_and_keeps_the_input(lead: Client) -> None:
    goal = GoalFactory()
    Goal.objects.filter(pk=goal.pk).update(version=3)
    response = lead.post(
        f"/monitor/doelen/{goal.pk}/bewerken/", _goal_form(target_value="650", version="1")
    )
    assert response.status_code == 400
    assert "Iemand anders heeft deze gegevens veranderd" in response.content.decode()
    assert 'value="650"' in response.content.decode()


def test_goal_rules_explained_on_the_form(lead: Client) -> None:
    response = lead.post("/monitor/doelen/nieuw/", _goal_form(target_date="2018-01-01"))
    assert response.status_code == 400
    response = lead.post(
        "/monitor/doelen/nieuw/", _goal_form(metric="extra_to_work", baseline_value="5")
    )
    assert response.status_code == 400
    assert not Goal.objects.filter(title="Minder mensen langdurig in de bijstand").exists()


def test_programme_lead_registers_a_pilot_with_its_links(lead: Client) -> None:
    partner = OrganisationFactory(slug="lekker-bezig", name="Lekker Bezig")
    offer = OfferFactory(title="Tuinieren met Lekker Bezig")
    case = CaseFactory(number=17)
    form = {
        "name": "Begeleid vrijwilligerswerk",
        "aim": "Mensen op trede 2 en 3 een stap verder helpen.",
        "status": "running",
        "starts_on": "2020-01-01",
        "ends_on": "",
        "partners": [str(partner.pk)],
        "offers": [str(offer.pk)],
        "case_numbers": "ZJA-017",
        "lessons": "",
    }
    response = lead.post("/monitor/pilots/nieuw/", form)
    assert response.status_code == 302
    pilot = Pilot.objects.get(name="Begeleid vrijwilligerswerk")
    assert list(pilot.partners.all()) == [partner]
    assert list(pilot.offers.all()) == [offer]
    assert list(pilot.cases.all()) == [case]
    wrong = lead.post(
        "/monitor/pilots/nieuw/", {**form, "name": "Ander", "case_numbers": "ZJA-999"}
    )
    assert wrong.status_code == 400
    assert "ZJA-999" in wrong.content.decode()


def test_the_board_reads_the_register_but_does_not_change_it(
    client: Client, user_with_role: Callable[..., User]
) -> None:
    pilot = PilotFactory(name="Proef met jobcoaches", lessons="Vroeg beginnen helpt.")
    client.force_login(user_with_role(Role.BOARD))
    page = client.get("/monitor/pilots/")
    assert page.status_code == 200
    assert "Proef met jobcoaches" in page.content.decode()
    assert "Vroeg beginnen helpt." in page.content.decode()
    assert f"/monitor/pilots/{pilot.pk}/bewerken/" not in page.content.decode()
    assert client.get(f"/monitor/pilots/{pilot.pk}/bewerken/").status_code == 403
    assert client.get("/monitor/doelen/").status_code == 403
    assert client.post("/monitor/doelen/nieuw/", _goal_form()).status_code == 403
