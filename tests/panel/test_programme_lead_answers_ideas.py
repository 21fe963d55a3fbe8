"""The programme lead answers ideas along the transition table and sees how many ideas got an
answer and how fast (median days); others may read the ideas but not change them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.candidates.api_clients import member_of, partner
from tests.panel.conftest import Portal
from tests.panel.factories import IdeaFactory
from werkpad.organisations.roles import Role
from werkpad.panel.models import Idea
from werkpad.panel.selectors import idea_figures

pytestmark = pytest.mark.django_db


def edit(portal: Portal, idea: Idea, **data: object) -> object:
    idea.refresh_from_db()
    return portal.client_for(portal.programme_lead).post(
        reverse("panel:idea", kwargs={"idea_id": idea.pk}), {"version": idea.version, **data}
    )


def test_a_decision_needs_a_public_answer(portal: Portal) -> None:
    idea = portal.own.idea
    response = edit(portal, idea, status="not_adopted", public_answer="")
    assert response.status_code == 400
    assert "Schrijf het antwoord" in response.content.decode()
    assert edit(portal, idea, status="considering", public_answer="").status_code == 302
    answer = "Het kan niet binnen de regels van de uitkering; we zoeken een andere weg."
    assert edit(portal, idea, status="not_adopted", public_answer=answer).status_code == 302
    idea.refresh_from_db()
    assert (idea.status, idea.public_answer) == ("not_adopted", answer)
    assert idea.answered_on is not None and idea.answered_by == portal.programme_lead


def test_a_step_outside_the_table_is_refused(portal: Portal) -> None:
    idea = portal.own.idea
    response = edit(portal, idea, status="done", public_answer="Klaar")
    assert response.status_code == 400
    idea.refresh_from_db()
    assert idea.status == "received"


def test_links_to_a_pilot_a_signal_and_an_offer(portal: Portal) -> None:
    idea = portal.own.idea
    response = edit(
        portal,
        idea,
        status="in_pilot",
        public_answer="We proberen het uit bij Werkse!",
        pilot_name="Buddy in week 1",
        pilot_url="https://delft.nl/pilots/buddy",
        zeg_ja_signal="housing",
        offer=portal.own.match.offer.pk,
    )
    assert response.status_code == 302
    body = portal.client_for(portal.other.account.user).get(reverse("panel:my-panel"))
    text = body.content.decode()
    assert "Buddy in week 1" in text and "https://delft.nl/pilots/buddy" in text
    assert "Ook een signaal van het Zeg JA Team: Wonen" in text


def test_figures_count_answers_and_the_median_days(portal: Portal) -> None:
    Idea.objects.all().delete()
    for received, answered in (
        (dt.date(2024, 1, 1), dt.date(2024, 1, 11)),
        (dt.date(2024, 1, 1), dt.date(2024, 1, 21)),
        (dt.date(2024, 2, 1), dt.date(2024, 2, 4)),
        (dt.date(2024, 3, 1), None),
    ):
        IdeaFactory(
            received_on=received,
            answered_on=answered,
            public_answer="Antwoord" if answered else "",
            status="adopted" if answered else "received",
        )
    figures = idea_figures()
    assert (figures.total, figures.answered, figures.answered_percent) == (4, 3, 75)
    assert figures.median_days == 10
    body = portal.client_for(portal.programme_lead).get(reverse("panel:ideas")).content.decode()
    assert "Mediaan aantal dagen tot het antwoord" in body
    assert "3 (75%)" in body


def test_professionals_read_but_do_not_answer(portal: Portal) -> None:
    client = portal.client_for(portal.werkse_professional)
    page = client.get(reverse("panel:ideas"))
    assert page.status_code == 200
    assert "Mediaan" not in page.content.decode()  # the figures are for the steering roles
    idea = portal.own.idea
    url = reverse("panel:idea", kwargs={"idea_id": idea.pk})
    assert client.post(url, {"status": "considering", "version": idea.version}).status_code == 403


def test_users_without_a_role_get_404(portal: Portal) -> None:
    admin = member_of(partner("werkse"), Role.ADMIN)
    assert portal.client_for(admin).get(reverse("panel:ideas")).status_code == 404


def test_search_and_status_filter(portal: Portal) -> None:
    client = portal.client_for(portal.programme_lead)
    found = client.get(reverse("panel:ideas"), {"q": "buddy"}).context["page"].object_list
    assert len(found) == 2
    none = client.get(reverse("panel:ideas"), {"status": "done"})
    assert "Geen ideeën gevonden" in none.content.decode()
