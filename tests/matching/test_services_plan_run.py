"""The city-wide plan run: it respects capacities, proposes nothing before the programme lead
has reviewed it, and sending turns its proposals into matches with status `proposed`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory
from tests.offers.factories import OfferFactory, candidate_for_matching
from werkpad.accounts.models import User
from werkpad.matching.models import PlanRun
from werkpad.matching.services import plan_run_execute, plan_run_send, plan_run_start
from werkpad.offers.models import Match, MatchTransition
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.models import ProcessingLogEntry


@pytest.fixture(autouse=True)
def eager_tasks(settings: object) -> None:
    settings.WERKPAD_TASKS_EAGER = True  # type: ignore[attr-defined]


@pytest.fixture
def lead(user_with_role: Callable[..., User]) -> User:
    return user_with_role(Role.PROGRAMME_LEAD, OrganisationFactory(slug="wsp-delft"))


def _run(lead: User) -> PlanRun:
    with_commit = plan_run_start(acting_user=lead)
    return plan_run_execute(run_id=with_commit.pk)


@pytest.mark.django_db(transaction=True)
def test_an_offer_with_three_places_and_five_eligible_candidates_gets_at_most_three(
    lead: User, organisation: Organisation
) -> None:
    offer = OfferFactory(organisation=organisation, capacity=3)
    for _ in range(5):
        candidate_for_matching(organisation)

    run = PlanRun.objects.get(pk=plan_run_start(acting_user=lead).pk)

    assert run.status == "review"
    assert run.proposals.count() == 3
    assert set(run.proposals.values_list("offer", flat=True)) == {offer.pk}
    assert run.summary["unmatched"] == 2
    assert not Match.objects.exists()  # nothing reaches anyone before the review


@pytest.mark.django_db
def test_only_candidates_with_consent_for_matching_are_in_the_plan(
    lead: User, organisation: Organisation
) -> None:
    OfferFactory(organisation=organisation, capacity=5)
    with_consent = candidate_for_matching(organisation)
    candidate_for_matching(organisation, purposes=("work_guidance",))

    run = _run(lead)

    assert list(run.proposals.values_list("candidate", flat=True)) == [with_consent.pk]


@pytest.mark.django_db
def test_sending_makes_proposed_matches_that_record_who_and_log_it(
    lead: User, organisation: Organisation
) -> None:
    OfferFactory(organisation=organisation, capacity=2)
    candidates = [candidate_for_matching(organisation) for _ in range(2)]
    run = _run(lead)

    sent = plan_run_send(acting_user=lead, run_id=run.pk, expected_version=run.version)

    assert sent.status == "sent"
    assert sent.summary["sent"] == 2
    matches = Match.objects.filter(plan_run=run)
    assert {m.candidate_id for m in matches} == {c.pk for c in candidates}
    assert {m.status for m in matches} == {"proposed"}
    assert MatchTransition.objects.filter(match__in=matches, acting_user=lead).count() == 2
    assert (
        ProcessingLogEntry.objects.filter(
            activity="matching", action="create", purpose="matching", user_id=lead.pk
        ).count()
        == 2
    )


@pytest.mark.django_db
def test_a_plan_is_sent_only_once(lead: User, organisation: Organisation) -> None:
    OfferFactory(organisation=organisation, capacity=1)
    candidate_for_matching(organisation)
    run = _run(lead)
    plan_run_send(acting_user=lead, run_id=run.pk, expected_version=run.version)

    with pytest.raises(Exception, match="klaar is om te beoordelen"):
        plan_run_send(acting_user=lead, run_id=run.pk, expected_version=run.version + 1)
    assert Match.objects.count() == 1


@pytest.mark.django_db
def test_only_the_programme_lead_starts_a_plan(client: Client, professional: User) -> None:
    client.force_login(professional)

    assert client.get(reverse("matching:plan")).status_code == 403
    assert client.post(reverse("matching:plan")).status_code == 403


@pytest.mark.django_db
def test_the_review_page_shows_totals_and_names_only_visible_candidates(
    client: Client, lead: User, organisation: Organisation, django_assert_max_num_queries: object
) -> None:
    OfferFactory(organisation=organisation, capacity=2, title="Fietsen repareren")
    candidate_for_matching(organisation, first_name="Noor", last_name="Visser")
    run = _run(lead)
    client.force_login(lead)

    with django_assert_max_num_queries(20):  # type: ignore[operator]
        page = client.get(reverse("matching:plan-run", kwargs={"run_id": run.pk})).content.decode()

    assert "Fietsen repareren" in page
    assert "niet zichtbaar voor jou" in page  # the lead's organisation has no consent
    assert "Noor Visser" not in page
    assert "Voorstellen versturen" in page
