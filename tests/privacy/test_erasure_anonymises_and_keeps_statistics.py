"""Erasure by anonymisation: the person disappears, the monitor's figures stay right."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.test import Client
from django.urls import reverse

from tests.candidates.factories import BenefitPeriodFactory, CandidateFactory
from tests.factories import OrganisationFactory
from tests.privacy.avg_helpers import full_dossier, member_of, years_ago
from werkpad.candidates.models import (
    Barrier,
    BenefitPeriod,
    Candidate,
    Correction,
    LadderScore,
    PlanStep,
)
from werkpad.candidates.selectors import candidate_get
from werkpad.privacy import avg
from werkpad.privacy.access import visible_candidates
from werkpad.privacy.avg import candidate_erase, register_erasure_step
from werkpad.privacy.codes import ErasureReason
from werkpad.privacy.encryption import bsn_hash
from werkpad.privacy.models import Consent, ProcessingLogEntry

pytestmark = pytest.mark.django_db


def erased_dossier() -> tuple[Candidate, Any]:
    dossier = full_dossier(benefit_ended_on=years_ago(6))
    old_bsn = dossier.candidate.bsn
    candidate_erase(
        acting_user=dossier.professional,
        candidate=dossier.candidate,
        reason=ErasureReason.RETENTION,
    )
    return Candidate.objects.get(pk=dossier.candidate.pk), (dossier, old_bsn)


def test_names_bsn_contact_details_and_address_are_anonymised() -> None:
    candidate, (_dossier, old_bsn) = erased_dossier()

    assert (candidate.first_name, candidate.last_name) == ("Geanonimiseerd", "Geanonimiseerd")
    assert candidate.bsn == ""
    assert candidate.bsn_hash != bsn_hash(old_bsn)
    assert not Candidate.objects.filter(bsn_hash=bsn_hash(old_bsn)).exists()
    assert (candidate.email, candidate.phone, candidate.house_number) == ("", "", "")
    assert (candidate.languages, candidate.skills, candidate.work_experience) == ([], [], "")
    assert candidate.birth_date == dt.date(1984, 1, 1)
    assert candidate.postcode == "2611"
    assert candidate.case_manager is None
    assert candidate.erased_at is not None


def test_notes_plan_texts_consent_evidence_and_corrections_are_blanked() -> None:
    candidate, _ = erased_dossier()

    assert set(Barrier.objects.filter(candidate=candidate).values_list("note", flat=True)) == {""}
    assert [s.note for s in LadderScore.objects.filter(candidate=candidate)] == [""]
    assert [c.evidence_note for c in Consent.objects.filter(candidate=candidate)] == [""]
    assert [g.title for g in candidate.plan_goals.all()] == [""]
    assert [s.description for s in PlanStep.objects.filter(goal__candidate=candidate)] == [""]
    corrections = Correction.objects.filter(candidate=candidate)
    assert {c.field for c in corrections} == {"note", "hours_available"}
    assert {(c.old_value, c.new_value) for c in corrections} == {("", "")}


def test_the_statistics_of_the_monitor_stay() -> None:
    candidate, _ = erased_dossier()

    assert BenefitPeriod.objects.filter(candidate=candidate, end_reason="work").count() == 1
    assert sorted(
        Barrier.objects.filter(candidate=candidate).values_list("category", flat=True)
    ) == [
        "debts",
        "health",
    ]
    assert [b.kind for b in Barrier.objects.filter(candidate=candidate, category="health")] == [
        "physical"
    ]
    assert list(LadderScore.objects.filter(candidate=candidate).values_list("step", flat=True)) == [
        2
    ]
    assert candidate.lead_organisation.slug == "team-inkomen"
    assert candidate.hours_available == 16


def test_the_erased_candidate_is_invisible_everywhere() -> None:
    candidate, (dossier, _bsn) = erased_dossier()

    assert not visible_candidates(dossier.professional).filter(pk=candidate.pk).exists()
    with pytest.raises(Http404):
        candidate_get(user=dossier.professional, candidate_id=candidate.pk)


def test_one_erase_entry_records_who_and_the_legal_ground() -> None:
    candidate, (dossier, _bsn) = erased_dossier()

    entry = ProcessingLogEntry.objects.get(candidate=candidate, action="erase")
    assert (entry.user_id, entry.organisation, entry.purpose, entry.activity) == (
        dossier.professional.pk,
        "team-inkomen",
        "retention",
        "avg_erasure",
    )


def test_two_erased_candidates_keep_unique_bsn_hashes() -> None:
    first, _ = erased_dossier()
    organisation = first.lead_organisation
    other = CandidateFactory(lead_organisation=organisation)
    BenefitPeriodFactory(
        candidate=other, start=dt.date(2010, 1, 1), end=years_ago(7), end_reason="moved"
    )

    candidate_erase(acting_user=None, candidate=other, reason=ErasureReason.RETENTION)

    other.refresh_from_db()
    assert other.bsn_hash != first.bsn_hash


def test_an_erased_candidate_cannot_be_erased_again() -> None:
    candidate, _ = erased_dossier()

    with pytest.raises(ValidationError, match="al gewist"):
        candidate_erase(acting_user=None, candidate=candidate, reason=ErasureReason.RETENTION)


def test_other_apps_blank_their_data_in_the_same_erasure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(avg, "ERASURE_STEPS", list(avg.ERASURE_STEPS))
    seen: list[str] = []
    register_erasure_step(lambda candidate: seen.append(candidate.first_name))

    erased_dossier()

    assert seen == ["Zoë"]


def test_the_page_asks_for_confirmation_before_erasing(
    client: Client, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    dossier = full_dossier(benefit_ended_on=years_ago(6))
    client.force_login(dossier.professional)
    url = reverse("privacy:candidate-erase", args=[dossier.candidate.pk])

    with django_assert_max_num_queries(13):
        page = client.get(url)
    refused = client.post(url, {"reason": "retention"})

    assert page.status_code == 200
    assert "Zoë van den Berg" in page.content.decode()
    assert "kan niet ongedaan" in page.content.decode()
    assert refused.status_code == 400
    assert 'aria-invalid="true"' in refused.content.decode()
    assert Candidate.objects.get(pk=dossier.candidate.pk).erased_at is None


def test_confirming_erases_and_goes_back_with_a_message(client: Client) -> None:
    dossier = full_dossier(benefit_ended_on=years_ago(6))
    client.force_login(dossier.professional)
    url = reverse("privacy:candidate-erase", args=[dossier.candidate.pk])

    response = client.post(url, {"reason": "retention", "confirm": "on"}, follow=True)

    assert response.status_code == 200
    assert "zijn gewist" in response.content.decode()
    assert Candidate.objects.get(pk=dossier.candidate.pk).erased_at is not None
    assert ProcessingLogEntry.objects.filter(action="erase").count() == 1
    assert client.get(url).status_code == 404


def test_only_the_lead_organisation_reaches_the_erasure_page(client: Client) -> None:
    dossier = full_dossier(benefit_ended_on=years_ago(6))
    url = reverse("privacy:candidate-erase", args=[dossier.candidate.pk])

    client.force_login(member_of(OrganisationFactory(slug="werkse")))
    consent_partner = client.post(url, {"reason": "retention", "confirm": "on"})
    client.force_login(member_of(OrganisationFactory(slug="impegno")))
    stranger = client.get(url)

    assert (consent_partner.status_code, stranger.status_code) == (403, 404)
    assert Candidate.objects.get(pk=dossier.candidate.pk).erased_at is None
