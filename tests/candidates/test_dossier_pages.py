"""The dossier: a page per tab, one processing-log entry per page opened, and special-category
data (health barriers, notes) only for who has consent for care or the legal basis."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.candidates.api_clients import member_of, partner, team_inkomen
from tests.candidates.factories import (
    BarrierFactory,
    BenefitPeriodFactory,
    CandidateFactory,
    ConsentFactory,
    LadderScoreFactory,
    PlanGoalFactory,
)
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate, PlanStep
from werkpad.candidates.selectors import candidate_get_unlogged
from werkpad.candidates.services import barrier_update, candidate_update
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

TABS = ["detail", "barriers", "ladder", "plan", "consents", "benefits", "corrections"]


def url(name: str, candidate: Candidate, **kwargs: Any) -> str:
    return reverse(f"candidates:{name}", kwargs={"candidate_id": candidate.pk, **kwargs})


def partner_with_consent(candidate: Candidate, purpose: str = "work_guidance") -> User:
    werkse = partner("werkse")
    ConsentFactory(candidate=candidate, organisation=werkse, purpose=purpose)
    return member_of(werkse)


def signed_in(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


@pytest.fixture
def candidate() -> Candidate:
    return CandidateFactory(
        first_name="Noor", last_name="Hendriks", lead_organisation=team_inkomen()
    )


def test_opening_a_dossier_adds_exactly_one_entry_naming_user_organisation_and_purpose(
    client: Client, candidate: Candidate
) -> None:
    professional = partner_with_consent(candidate)
    signed_in(client, professional)

    response = client.get(url("detail", candidate))

    assert response.status_code == 200
    entry = ProcessingLogEntry.objects.get()
    assert (entry.action, entry.user_id, entry.user_label) == (
        "view",
        professional.pk,
        professional.email,
    )
    assert (entry.organisation, entry.purpose, entry.candidate_id) == (
        "werkse",
        "work_guidance",
        candidate.pk,
    )


def test_every_tab_is_a_page_of_its_own_with_one_entry_each(
    client: Client, candidate: Candidate
) -> None:
    signed_in(client, member_of(team_inkomen()))

    for number, tab in enumerate(TABS, start=1):
        response = client.get(url(tab, candidate))
        html = response.content.decode()

        assert response.status_code == 200, tab
        assert f'href="{url(tab, candidate)}" aria-current="page"' in html
        assert html.count('aria-current="page"') == 1
        assert ProcessingLogEntry.objects.count() == number


@pytest.mark.parametrize("tab", TABS)
def test_a_dossier_you_may_not_see_is_not_found_on_every_tab(
    client: Client, candidate: Candidate, tab: str
) -> None:
    signed_in(client, member_of(partner("werkse")))

    assert client.get(url(tab, candidate)).status_code == 404
    assert not ProcessingLogEntry.objects.exists()


def full_dossier(candidate: Candidate) -> None:
    werkse = partner("werkse")
    BarrierFactory(candidate=candidate, kind="debts", note="Schuld bij de energieleverancier")
    BarrierFactory(candidate=candidate, kind="psychological", note="Somberheid")
    LadderScoreFactory(candidate=candidate, step=2, potential_step=4)
    goal = PlanGoalFactory(candidate=candidate)
    PlanStep.objects.create(
        goal=goal, description="Intake", owner_organisation=werkse, due_on=dt.date(2024, 1, 1)
    )
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="care")
    BenefitPeriodFactory(candidate=candidate)


@pytest.mark.parametrize("tab", TABS)
def test_the_number_of_queries_of_a_dossier_page_is_bounded(
    client: Client, candidate: Candidate, tab: str, django_assert_max_num_queries: Any
) -> None:
    full_dossier(candidate)
    signed_in(client, member_of(team_inkomen()))

    with django_assert_max_num_queries(16):
        assert client.get(url(tab, candidate)).status_code == 200


def test_the_bsn_is_masked_and_shown_only_on_the_legal_basis(
    client: Client, candidate: Candidate
) -> None:
    signed_in(client, partner_with_consent(candidate))
    partner_html = client.get(url("detail", candidate), {"bsn": "show"}).content.decode()

    assert candidate.bsn not in partner_html
    assert candidate.bsn[-4:] in partner_html
    assert "BSN tonen" not in partner_html

    signed_in(client, member_of(team_inkomen()))
    masked = client.get(url("detail", candidate)).content.decode()
    shown = client.get(url("detail", candidate), {"bsn": "show"}).content.decode()

    assert candidate.bsn not in masked and "BSN tonen" in masked
    assert candidate.bsn in shown
    assert ProcessingLogEntry.objects.filter(action="view").count() == 3


def test_health_barriers_and_notes_need_consent_for_care(
    client: Client, candidate: Candidate
) -> None:
    BarrierFactory(candidate=candidate, kind="debts", note="Schuld bij de energieleverancier")
    BarrierFactory(candidate=candidate, kind="psychological", note="Somberheid")
    signed_in(client, partner_with_consent(candidate, purpose="work_guidance"))

    without_care = client.get(url("barriers", candidate)).content.decode()

    assert "Schulden" in without_care
    assert "Psychische klachten" not in without_care
    assert "Schuld bij de energieleverancier" not in without_care
    assert "Somberheid" not in without_care
    assert "Verborgen (toestemming voor zorg nodig)" in without_care

    signed_in(client, partner_with_consent(candidate, purpose="care"))
    with_care = client.get(url("barriers", candidate)).content.decode()

    assert "Psychische klachten" in with_care
    assert "Schuld bij de energieleverancier" in with_care and "Somberheid" in with_care


def test_the_ladder_history_names_the_steps_and_the_transitions(
    client: Client, candidate: Candidate
) -> None:
    LadderScoreFactory(
        candidate=candidate, step=2, potential_step=4, assessed_on=dt.date(2023, 3, 12)
    )
    LadderScoreFactory(
        candidate=candidate, step=3, potential_step=4, assessed_on=dt.date(2024, 3, 12)
    )
    signed_in(client, member_of(team_inkomen()))

    html = client.get(url("ladder", candidate)).content.decode()

    assert "Van 2 naar 3 op 12-03-2024" in html
    assert "3 — Deelname aan georganiseerde activiteiten" in html
    assert "Eerste beoordeling" in html
    assert "4 — Onbetaald werk" in html  # the potential step


def test_the_plan_flags_overdue_steps_and_a_step_can_be_marked_done(
    client: Client, candidate: Candidate
) -> None:
    goal = PlanGoalFactory(candidate=candidate, title="Twee dagen vrijwilligerswerk")
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    step = PlanStep.objects.create(
        goal=goal, description="Kennismaken", owner_organisation=partner(), due_on=yesterday
    )
    signed_in(client, member_of(team_inkomen()))

    before = client.get(url("plan", candidate)).content.decode()
    done = client.post(url("step-done", candidate, step_id=step.pk), follow=True)

    assert "Twee dagen vrijwilligerswerk" in before and "Te laat" in before
    step.refresh_from_db()
    assert step.done_on == timezone.localdate()
    assert "Te laat" not in done.content.decode()
    assert "De stap is gemarkeerd als gedaan." in done.content.decode()


def test_consents_show_their_state_per_organisation_and_purpose(
    client: Client, candidate: Candidate
) -> None:
    werkse = partner("werkse")
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="work_guidance")
    ConsentFactory(
        candidate=candidate, organisation=werkse, purpose="matching", revoked_on=dt.date(2024, 5, 1)
    )
    ConsentFactory(
        candidate=candidate,
        organisation=partner("015now"),
        purpose="debt_help",
        expires_on=dt.date(2024, 2, 1),
    )
    signed_in(client, member_of(team_inkomen()))

    html = client.get(url("consents", candidate)).content.decode()

    for text in ("Geldig", "Ingetrokken", "01-05-2024", "Verlopen", "Toestemming vastleggen"):
        assert text in html


def test_benefit_periods_are_added_by_the_municipality_only(
    client: Client, candidate: Candidate
) -> None:
    BenefitPeriodFactory(
        candidate=candidate, start=dt.date(2016, 1, 1), end=dt.date(2019, 6, 30), end_reason="work"
    )
    signed_in(client, member_of(team_inkomen()))
    municipal = client.get(url("benefits", candidate)).content.decode()

    assert "01-01-2016" in municipal and "30-06-2019" in municipal and "Werk" in municipal
    assert "Uitkeringsperiode toevoegen" in municipal

    signed_in(client, partner_with_consent(candidate))
    assert (
        "Uitkeringsperiode toevoegen" not in client.get(url("benefits", candidate)).content.decode()
    )


def test_corrections_show_who_changed_what_and_hide_special_values(
    client: Client, candidate: Candidate
) -> None:
    municipal = member_of(team_inkomen())
    debts = BarrierFactory(candidate=candidate, kind="debts", note="Oude notitie")
    health = BarrierFactory(candidate=candidate, kind="physical", note="Rugklachten")
    view = candidate_get_unlogged(user=municipal, candidate_id=candidate.pk)
    candidate_update(
        acting_user=municipal, view=view, expected_version=1, fields={"phone": "0612345678"}
    )
    barrier_update(
        acting_user=municipal,
        view=view,
        barrier=debts,
        expected_version=1,
        fields={"note": "Nieuwe notitie"},
    )
    barrier_update(
        acting_user=municipal, view=view, barrier=health, expected_version=1, fields={"severity": 3}
    )

    signed_in(client, partner_with_consent(candidate, purpose="work_guidance"))
    partner_html = client.get(url("corrections", candidate)).content.decode()

    assert "0612345678" in partner_html and municipal.get_full_name() in partner_html
    assert "Nieuwe notitie" not in partner_html and "Oude notitie" not in partner_html
    assert "Verborgen (toestemming voor zorg nodig)" in partner_html
    assert "zwaarte" not in partner_html  # the health barrier's change is left out

    signed_in(client, municipal)
    municipal_html = client.get(url("corrections", candidate)).content.decode()

    assert "Nieuwe notitie" in municipal_html and "zwaarte" in municipal_html
