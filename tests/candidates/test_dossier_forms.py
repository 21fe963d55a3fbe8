"""The dossier's forms: Dutch messages next to the field, input kept on error, conflicts when two
professionals save from the same version, and every save through a service that logs it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.candidates.api_clients import member_of, partner, team_inkomen
from tests.candidates.factories import (
    BarrierFactory,
    CandidateFactory,
    ConsentFactory,
    PlanGoalFactory,
    synthetic_bsn,
)
from werkpad.accounts.models import User
from werkpad.candidates.models import Barrier, BenefitPeriod, Candidate, LadderScore, PlanStep
from werkpad.privacy.models import Consent, ProcessingLogEntry

pytestmark = pytest.mark.django_db


def url(name: str, candidate: Candidate, **kwargs: Any) -> str:
    return reverse(f"candidates:{name}", kwargs={"candidate_id": candidate.pk, **kwargs})


@pytest.fixture
def candidate() -> Candidate:
    return CandidateFactory(
        first_name="Sara", last_name="Visser", phone="0152000000", lead_organisation=team_inkomen()
    )


@pytest.fixture
def municipal() -> User:
    return member_of(team_inkomen())


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def details(candidate: Candidate, **changes: Any) -> dict[str, Any]:
    """The edit form as a browser posts it: every field, with some changed."""
    data = {
        "first_name": candidate.first_name,
        "last_name": candidate.last_name,
        "birth_date": candidate.birth_date.isoformat(),
        "email": candidate.email,
        "phone": candidate.phone,
        "postcode": candidate.postcode,
        "house_number": candidate.house_number,
        "household": candidate.household,
        "children_under_12": candidate.children_under_12,
        "languages": ", ".join(candidate.languages),
        "dutch_level": candidate.dutch_level,
        "education": candidate.education,
        "work_experience": candidate.work_experience,
        "skills": ", ".join(candidate.skills),
        "hours_available": candidate.hours_available,
        "max_travel_km": candidate.max_travel_km,
        "lead_organisation": candidate.lead_organisation_id,
        "case_manager": "",
        "version": candidate.version,
    }
    return {**data, **changes}


def test_two_professionals_saving_the_same_version_the_second_gets_a_conflict(
    candidate: Candidate, municipal: User
) -> None:
    first, second = signed_in(municipal), signed_in(member_of(team_inkomen()))
    assert 'name="version" value="1"' in first.get(url("edit", candidate)).content.decode()

    saved = first.post(url("edit", candidate), details(candidate, phone="0611111111"))
    conflict = second.post(url("edit", candidate), details(candidate, phone="0622222222"))

    assert saved.status_code == 302
    assert conflict.status_code == 409
    html = conflict.content.decode()
    assert "Iemand anders heeft deze gegevens veranderd" in html
    assert 'value="0622222222"' in html  # the second professional's input is kept
    candidate.refresh_from_db()
    assert (candidate.phone, candidate.version) == ("0611111111", 2)
    assert candidate.corrections.count() == 1  # only the first change is in the history


def test_saving_details_records_the_change_and_the_lists(
    candidate: Candidate, municipal: User
) -> None:
    response = signed_in(municipal).post(
        url("edit", candidate),
        details(
            candidate,
            phone="0699999999",
            languages="Nederlands, Turks",
            preferred_offer_kinds=["volunteer", "learning"],
        ),
    )

    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.languages == ["Nederlands", "Turks"]
    assert candidate.preferred_offer_kinds == ["volunteer", "learning"]
    assert {(c.field, c.old_value, c.new_value) for c in candidate.corrections.all()} >= {
        ("phone", "0152000000", "0699999999")
    }
    assert ProcessingLogEntry.objects.filter(action="update", candidate=candidate).count() == 1


def test_only_the_lead_organisation_hands_over_the_lead_or_names_the_case_manager(
    candidate: Candidate,
) -> None:
    werkse = partner("werkse")
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="work_guidance")
    client = signed_in(member_of(werkse))

    form_html = client.get(url("edit", candidate)).content.decode()
    saved = client.post(
        url("edit", candidate), details(candidate, phone="0633333333", lead_organisation=werkse.pk)
    )

    assert 'name="lead_organisation"' not in form_html and 'name="case_manager"' not in form_html
    assert saved.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.phone, candidate.lead_organisation.slug) == ("0633333333", "team-inkomen")


def test_an_invalid_postcode_is_named_next_to_the_field_and_input_is_kept(
    candidate: Candidate, municipal: User
) -> None:
    response = signed_in(municipal).post(
        url("edit", candidate), details(candidate, postcode="12", first_name="Saar")
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert "Vul een Nederlandse postcode in, bijvoorbeeld 2611 AB." in html
    assert 'aria-describedby="id_postcode_error"' in html and 'aria-invalid="true"' in html
    assert 'value="Saar"' in html
    candidate.refresh_from_db()
    assert candidate.first_name == "Sara"


def barrier_form(**changes: Any) -> dict[str, Any]:
    return {
        "kind": "debts",
        "severity": "2",
        "status": "open",
        "owner_organisation": partner("werkse").pk,
        "opened_on": "2024-02-01",
        "resolved_on": "",
        "note": "",
        **changes,
    }


def test_adding_a_barrier_shows_the_error_inline_and_saves_once_fixed(
    candidate: Candidate, municipal: User
) -> None:
    client = signed_in(municipal)

    invalid = client.post(url("barrier-create", candidate), barrier_form(status="resolved"))
    fixed = client.post(
        url("barrier-create", candidate), barrier_form(status="resolved", resolved_on="2024-03-01")
    )

    assert invalid.status_code == 200
    assert "Vul in wanneer de belemmering is opgelost." in invalid.content.decode()
    assert 'id="id_resolved_on_error"' in invalid.content.decode()
    assert fixed.status_code == 302 and fixed["Location"] == url("barriers", candidate)
    barrier = Barrier.objects.get(candidate=candidate)
    assert (barrier.kind, barrier.status, barrier.resolved_on) == (
        "debts",
        "resolved",
        dt.date(2024, 3, 1),
    )
    assert ProcessingLogEntry.objects.filter(action="create", object_id=str(barrier.pk)).exists()


def test_without_consent_for_care_no_health_barrier_or_note_can_be_written(
    candidate: Candidate,
) -> None:
    werkse = partner("werkse")
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="work_guidance")
    client = signed_in(member_of(werkse))

    form_html = client.get(url("barrier-create", candidate)).content.decode()
    refused = client.post(
        url("barrier-create", candidate), barrier_form(kind="physical", note="Rug")
    )

    assert 'value="physical"' not in form_html and 'name="note"' not in form_html
    assert refused.status_code == 200
    assert "Selecteer een geldige keuze" in refused.content.decode()
    assert not Barrier.objects.exists()


def test_editing_a_barrier_with_a_stale_version_is_a_conflict(
    candidate: Candidate, municipal: User
) -> None:
    barrier = BarrierFactory(candidate=candidate, kind="housing")
    client = signed_in(municipal)
    edit = url("barrier-edit", candidate, barrier_id=barrier.pk)
    form = barrier_form(owner_organisation=barrier.owner_organisation_id, version="1")
    form.pop("kind")

    assert "Belemmering wijzigen: Wonen" in client.get(edit).content.decode()
    assert client.post(edit, {**form, "severity": "3"}).status_code == 302
    conflict = client.post(edit, {**form, "severity": "1"})

    assert conflict.status_code == 409
    barrier.refresh_from_db()
    assert barrier.severity == 3


def test_a_health_barrier_cannot_be_opened_for_editing_without_care_consent(
    candidate: Candidate,
) -> None:
    barrier = BarrierFactory(candidate=candidate, kind="addiction")
    werkse = partner("werkse")
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="work_guidance")

    response = signed_in(member_of(werkse)).get(
        url("barrier-edit", candidate, barrier_id=barrier.pk)
    )

    assert response.status_code == 404


def test_a_health_note_written_on_the_page_is_not_plain_text_in_the_database(
    candidate: Candidate, municipal: User
) -> None:
    secret = "Rugklachten na een val in 2022"
    signed_in(municipal).post(
        url("barrier-create", candidate), barrier_form(kind="physical", note=secret)
    )

    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM candidates_barrier")
        raw = repr(cursor.fetchall())

    assert Barrier.objects.get().note == secret
    assert secret not in raw and "Rugklachten" not in raw
    assert "physical" not in raw


def test_a_ladder_score_below_its_potential_is_refused_with_a_message(
    candidate: Candidate, municipal: User
) -> None:
    client = signed_in(municipal)
    form = {"step": "4", "potential_step": "3", "assessed_on": "2024-03-12", "note": ""}

    refused = client.post(url("ladder-create", candidate), form)
    saved = client.post(url("ladder-create", candidate), {**form, "potential_step": "5"})

    assert "De haalbare trede kan niet lager zijn dan de trede nu." in refused.content.decode()
    assert saved.status_code == 302
    score = LadderScore.objects.get()
    assert (score.step, score.potential_step, score.assessed_by) == (4, 5, municipal)


def test_a_goal_and_an_agreed_step_are_added_to_the_plan(
    candidate: Candidate, municipal: User
) -> None:
    client = signed_in(municipal)

    assert client.post(url("goal-create", candidate), {"title": ""}).status_code == 200
    client.post(url("goal-create", candidate), {"title": "Rijbewijs halen"})
    goal = candidate.plan_goals.get()
    client.post(
        url("step-create", candidate, goal_id=goal.pk),
        {
            "description": "Theorie-examen",
            "owner_organisation": partner("werkse").pk,
            "due_on": "2025-01-31",
        },
    )

    step = PlanStep.objects.get()
    assert (step.goal, step.description, step.due_on) == (
        goal,
        "Theorie-examen",
        dt.date(2025, 1, 31),
    )


def test_a_goal_of_another_candidate_is_not_found(candidate: Candidate, municipal: User) -> None:
    other_goal = PlanGoalFactory(candidate=CandidateFactory())

    response = signed_in(municipal).get(url("step-create", candidate, goal_id=other_goal.pk))

    assert response.status_code == 404


def test_only_the_lead_organisation_records_consent(candidate: Candidate, municipal: User) -> None:
    werkse = partner("werkse")
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="work_guidance")
    form = {
        "organisation": partner("015now").pk,
        "purpose": "debt_help",
        "granted_on": "2024-04-01",
        "expires_on": "2024-03-01",
        "evidence_note": "Getekend formulier",
    }

    assert signed_in(member_of(werkse)).get(url("consent-create", candidate)).status_code == 403
    client = signed_in(municipal)
    refused = client.post(url("consent-create", candidate), form)
    saved = client.post(url("consent-create", candidate), {**form, "expires_on": ""})

    assert "De einddatum moet op of na de begindatum liggen" in refused.content.decode()
    assert saved.status_code == 302
    consent = Consent.objects.get(organisation__slug="015now")
    assert (consent.purpose, consent.recorded_by, consent.evidence_note) == (
        "debt_help",
        municipal,
        "Getekend formulier",
    )


def test_a_benefit_period_is_added_by_the_municipality_with_its_end_reason(
    candidate: Candidate, municipal: User
) -> None:
    client = signed_in(municipal)
    form = {"start": "2020-01-01", "end": "2023-06-30", "end_reason": ""}

    refused = client.post(url("benefit-create", candidate), form)
    saved = client.post(url("benefit-create", candidate), {**form, "end_reason": "work"})

    assert "Kies waarom de uitkering is gestopt." in refused.content.decode()
    assert saved.status_code == 302
    assert BenefitPeriod.objects.get().end_reason == "work"


def test_a_partner_cannot_add_benefit_periods(candidate: Candidate) -> None:
    werkse = partner("werkse")
    ConsentFactory(candidate=candidate, organisation=werkse, purpose="work_guidance")

    response = signed_in(member_of(werkse)).get(url("benefit-create", candidate))

    assert response.status_code == 403


def new_candidate(**changes: Any) -> dict[str, Any]:
    return {
        "bsn": synthetic_bsn(),
        "first_name": "Yara",
        "last_name": "de Wit",
        "birth_date": "1988-07-04",
        "email": "",
        "phone": "",
        "postcode": "2612ab",
        "house_number": "12",
        "household": "single_parent",
        "children_under_12": "2",
        "languages": "",
        "dutch_level": "A2",
        "education": "none",
        "work_experience": "",
        "skills": "",
        "hours_available": "16",
        "max_travel_km": "10",
        "lead_organisation": team_inkomen().pk,
        "case_manager": "",
        **changes,
    }


def test_registering_a_candidate_checks_the_bsn_and_refuses_a_duplicate(
    municipal: User,
) -> None:
    client = signed_in(municipal)
    existing = CandidateFactory()
    create = reverse("candidates:create")

    invalid = client.post(create, new_candidate(bsn="123456789"))
    duplicate = client.post(create, new_candidate(bsn=existing.bsn))
    saved = client.post(create, new_candidate())

    assert "Dit is geen geldig BSN. Controleer de 9 cijfers." in invalid.content.decode()
    assert 'value="Yara"' in invalid.content.decode()
    assert "Er is al een kandidaat met dit BSN." in duplicate.content.decode()
    registered = Candidate.objects.get(first_name="Yara")
    assert saved["Location"] == url("detail", registered)
    assert registered.postcode == "2612 AB"
    assert ProcessingLogEntry.objects.filter(action="create", candidate=registered).exists()


def test_only_the_municipality_registers_candidates(client: Client) -> None:
    client.force_login(member_of(partner("werkse")))

    assert client.get(reverse("candidates:create")).status_code == 403
    assert (
        "Nieuwe kandidaat inschrijven"
        not in client.get(reverse("candidates:list")).content.decode()
    )
