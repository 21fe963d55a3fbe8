"""The placement page offers to update the step on the participatieladder, and — for paid work,
to the municipality's teams — to end the open benefit period with reason work, after a tick to
confirm it. The plan's progress indicator reloads the page once the run is done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from tests.candidates.factories import BenefitPeriodFactory
from tests.factories import OrganisationFactory
from tests.offers.factories import (
    EmployerFactory,
    MatchFactory,
    OfferFactory,
    PlacementFactory,
    candidate_for_matching,
)
from werkpad.accounts.models import User
from werkpad.matching.models import PlanRun
from werkpad.offers.models import Placement
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role


@pytest.fixture
def team() -> Organisation:
    return OrganisationFactory(
        slug="team-inkomen", kind=OrganisationKind.MUNICIPALITY, has_legal_basis=True
    )


@pytest.fixture
def paid_placement(team: Organisation) -> Placement:
    candidate = candidate_for_matching(team, purposes=())
    BenefitPeriodFactory(candidate=candidate, start=dt.date(2018, 5, 1))
    job = OfferFactory(organisation=None, employer=EmployerFactory(), kind="paid_job")
    match = MatchFactory(candidate=candidate, offer=job, status="placed")
    return PlacementFactory(
        candidate=candidate, offer=job, match=match, kind="paid_job", start=dt.date(2025, 6, 1)
    )


@pytest.mark.django_db
def test_the_page_suggests_a_step_and_the_end_of_the_benefit(
    client: Client,
    user_with_role: Callable[..., User],
    team: Organisation,
    paid_placement: Placement,
    django_assert_max_num_queries: object,
) -> None:
    client.force_login(user_with_role(Role.PROFESSIONAL, team))
    url = reverse("matching:placement-detail", kwargs={"placement_id": paid_placement.pk})

    with django_assert_max_num_queries(15):  # type: ignore[operator]
        page = client.get(url).content.decode()

    assert "betekent vaak trede 6" in page
    assert "Uitkeringsperiode beëindigen" in page


@pytest.mark.django_db
def test_the_benefit_ends_only_after_confirmation(
    client: Client,
    user_with_role: Callable[..., User],
    team: Organisation,
    paid_placement: Placement,
) -> None:
    client.force_login(user_with_role(Role.PROFESSIONAL, team))
    url = reverse("matching:placement-benefit", kwargs={"placement_id": paid_placement.pk})
    period = paid_placement.candidate.benefit_periods.get()

    unconfirmed = client.post(url, {"end": "2025-05-31", "reason": "work"})
    period.refresh_from_db()
    assert unconfirmed.status_code == 400
    assert "Vink het vakje aan" in unconfirmed.content.decode()
    assert period.end is None

    confirmed = client.post(url, {"end": "2025-05-31", "reason": "work", "confirm": "on"})
    period.refresh_from_db()
    assert confirmed.status_code == 302
    assert (period.end, period.end_reason) == (dt.date(2025, 5, 31), "work")


@pytest.mark.django_db
def test_a_partner_on_consent_is_not_offered_the_benefit_end(
    client: Client, user_with_role: Callable[..., User], paid_placement: Placement
) -> None:
    partner = OrganisationFactory()
    from tests.candidates.factories import ConsentFactory

    ConsentFactory(candidate=paid_placement.candidate, organisation=partner, purpose="matching")
    client.force_login(user_with_role(Role.PROFESSIONAL, partner))

    page = client.get(
        reverse("matching:placement-detail", kwargs={"placement_id": paid_placement.pk})
    ).content.decode()
    refused = client.post(
        reverse("matching:placement-benefit", kwargs={"placement_id": paid_placement.pk}),
        {"end": "2025-05-31", "reason": "work", "confirm": "on"},
    )

    assert "Uitkeringsperiode beëindigen" not in page
    assert refused.status_code == 400
    assert "Alleen Team Inkomen of het Sociaal Team" in refused.content.decode()
    assert paid_placement.candidate.benefit_periods.get().end is None


@pytest.mark.django_db
def test_the_ladder_step_is_updated_from_the_placement(
    client: Client,
    user_with_role: Callable[..., User],
    team: Organisation,
    paid_placement: Placement,
) -> None:
    client.force_login(user_with_role(Role.PROFESSIONAL, team))

    response = client.post(
        reverse("matching:placement-ladder", kwargs={"placement_id": paid_placement.pk}),
        {"step": "6", "potential_step": "6", "assessed_on": "2025-06-15"},
    )

    assert response.status_code == 302
    latest = paid_placement.candidate.ladder_scores.order_by("-assessed_on").first()
    assert latest is not None and latest.step == 6


@pytest.mark.django_db
def test_the_progress_indicator_reloads_the_page_when_the_run_is_done(
    client: Client, user_with_role: Callable[..., User]
) -> None:
    lead = user_with_role(Role.PROGRAMME_LEAD)
    running = PlanRun.objects.create(started_by=lead, status="running", progress=40)
    done = PlanRun.objects.create(started_by=lead, status="review", progress=100)
    client.force_login(lead)

    polling = client.get(reverse("matching:plan-progress", kwargs={"run_id": running.pk}))
    finished = client.get(reverse("matching:plan-progress", kwargs={"run_id": done.pk}))

    assert 'hx-trigger="every 1s"' in polling.content.decode()
    assert "40%" in polling.content.decode()
    assert "HX-Refresh" not in polling
    assert finished["HX-Refresh"] == "true"
