"""A candidate with an open, work-blocking childcare barrier gets no offer outside school hours,
and the explanation says why (issue 5's acceptance line), through the services and the page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from tests.candidates.factories import BarrierFactory
from tests.offers.factories import OfferFactory, candidate_for_matching
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.matching.selectors import candidate_panel
from werkpad.offers.models import Offer
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role


@pytest.fixture
def caseworker(user_with_role: Callable[..., User], organisation: Organisation) -> User:
    return user_with_role(Role.PROFESSIONAL, organisation)


@pytest.fixture
def parent(organisation: Organisation) -> Candidate:
    candidate = candidate_for_matching(organisation, first_name="Sanne", last_name="Bakker")
    BarrierFactory(candidate=candidate, kind="childcare", blocks_work=True, status="open")
    return candidate


@pytest.fixture
def school_hours_offer(organisation: Organisation) -> Offer:
    return OfferFactory(
        organisation=organisation, title="Koffie schenken in de bieb", schedule="school_hours"
    )


@pytest.fixture
def evening_offer(organisation: Organisation) -> Offer:
    return OfferFactory(organisation=organisation, title="Avondploeg magazijn", schedule="evenings")


@pytest.mark.django_db
def test_only_the_offer_within_school_hours_is_suggested(
    caseworker: User, parent: Candidate, school_hours_offer: Offer, evening_offer: Offer
) -> None:
    panel = candidate_panel(user=caseworker, candidate_id=parent.pk)

    assert [s.offer for s in panel.suggestions] == [school_hours_offer]
    text = panel.suggestions[0].text
    assert text is not None and text.eligible
    assert any("schooltijden" in sentence for sentence in text.passed)


@pytest.mark.django_db
def test_why_not_the_evening_offer_names_the_childcare_barrier(
    caseworker: User, parent: Candidate, school_hours_offer: Offer, evening_offer: Offer
) -> None:
    panel = candidate_panel(
        user=caseworker, candidate_id=parent.pk, why_not_offer_id=evening_offer.pk
    )

    assert panel.why_not is not None
    text = panel.why_not.text
    assert text is not None and not text.eligible
    assert text.failed == [
        "Kinderopvang (open, staat werk nu in de weg): de uren vallen buiten schooltijden."
    ]


@pytest.mark.django_db
def test_the_page_shows_why_not_in_dutch(
    client: Client,
    caseworker: User,
    parent: Candidate,
    school_hours_offer: Offer,
    evening_offer: Offer,
) -> None:
    client.force_login(caseworker)
    url = reverse("matching:candidate-suggestions", kwargs={"candidate_id": parent.pk})

    found = client.get(url, {"q": "Avondploeg"})
    assert "Waarom (niet) Avondploeg magazijn" in found.content.decode()

    page = client.get(url, {"offer": str(evening_offer.pk)}).content.decode()
    assert "Koffie schenken in de bieb" in page  # the suggestion
    assert "Dit aanbod past nu niet." in page
    assert "de uren vallen buiten schooltijden" in page


@pytest.mark.django_db
def test_proposing_the_evening_offer_is_refused_with_the_reason(
    client: Client, caseworker: User, parent: Candidate, evening_offer: Offer
) -> None:
    client.force_login(caseworker)

    response = client.post(
        reverse("matching:propose"),
        {"candidate": parent.pk, "offer": evening_offer.pk, "back": "candidate"},
        follow=True,
    )

    page = response.content.decode()
    assert "Dit aanbod past niet bij de kandidaat" in page
    assert "de uren vallen buiten schooltijden" in page
    assert not parent.matches.exists()


@pytest.mark.django_db
def test_the_panel_is_an_htmx_partial_for_the_dossier(
    client: Client, caseworker: User, parent: Candidate, school_hours_offer: Offer
) -> None:
    client.force_login(caseworker)

    response = client.get(
        reverse("matching:candidate-suggestions", kwargs={"candidate_id": parent.pk}),
        HTTP_HX_REQUEST="true",
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert 'id="passend-aanbod"' in page
    assert "Koffie schenken in de bieb" in page
