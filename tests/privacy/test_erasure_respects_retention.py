"""The retention rule: erase N years after the last benefit period ended, not before."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.candidates.factories import BenefitPeriodFactory, CandidateFactory
from tests.privacy.avg_helpers import full_dossier, years_ago
from werkpad.candidates.models import Candidate
from werkpad.privacy.avg import candidate_erase, erasure_due
from werkpad.privacy.codes import ErasureReason
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def candidate_whose_benefit_ended(on: object, *, still_open: bool = False) -> Candidate:
    candidate = CandidateFactory()
    BenefitPeriodFactory(candidate=candidate, start=years_ago(12), end=on, end_reason="work")
    if still_open:
        BenefitPeriodFactory(candidate=candidate, start=years_ago(1), end=None)
    return candidate


def test_due_only_when_the_last_benefit_ended_more_than_five_years_ago() -> None:
    due = candidate_whose_benefit_ended(years_ago(5, days=1))
    exactly_five = candidate_whose_benefit_ended(years_ago(5))
    recent = candidate_whose_benefit_ended(years_ago(4))
    returned = candidate_whose_benefit_ended(years_ago(8), still_open=True)
    without_benefit = CandidateFactory()

    result = list(erasure_due(on=timezone.localdate()))

    assert result == [due]
    assert {exactly_five, recent, returned, without_benefit}.isdisjoint(result)


def test_a_benefit_period_that_ends_in_the_future_is_still_open() -> None:
    candidate = candidate_whose_benefit_ended(years_ago(9))
    BenefitPeriodFactory(
        candidate=candidate, start=years_ago(2), end=years_ago(-1), end_reason="work"
    )

    assert not erasure_due(on=timezone.localdate()).exists()


def test_the_retention_period_comes_from_the_settings(settings: Any) -> None:
    candidate = candidate_whose_benefit_ended(years_ago(3))
    assert not erasure_due(on=timezone.localdate()).exists()

    settings.RETENTION_YEARS_AFTER_BENEFIT = 2

    assert list(erasure_due(on=timezone.localdate())) == [candidate]


def test_erasure_on_the_retention_ground_is_refused_before_the_period_ends() -> None:
    dossier = full_dossier(benefit_ended_on=years_ago(2))

    with pytest.raises(ValidationError, match="bewaartermijn is nog niet voorbij"):
        candidate_erase(
            acting_user=dossier.professional,
            candidate=dossier.candidate,
            reason=ErasureReason.RETENTION,
        )
    assert Candidate.objects.get(pk=dossier.candidate.pk).erased_at is None
    assert not ProcessingLogEntry.objects.filter(action="erase").exists()


def test_the_candidates_request_under_article_17_erases_early_and_is_recorded() -> None:
    dossier = full_dossier()

    candidate_erase(
        acting_user=dossier.professional,
        candidate=dossier.candidate,
        reason=ErasureReason.CANDIDATE_REQUEST,
    )

    assert Candidate.objects.get(pk=dossier.candidate.pk).erased_at is not None
    assert ProcessingLogEntry.objects.get(action="erase").purpose == "avg17_request"


def test_an_unknown_ground_is_refused() -> None:
    dossier = full_dossier()

    with pytest.raises(ValidationError, match="wettelijke grond"):
        candidate_erase(
            acting_user=dossier.professional, candidate=dossier.candidate, reason="because"
        )


def test_the_scheduled_run_may_only_use_the_retention_ground() -> None:
    dossier = full_dossier()

    with pytest.raises(PermissionDenied):
        candidate_erase(
            acting_user=None, candidate=dossier.candidate, reason=ErasureReason.CANDIDATE_REQUEST
        )


def test_before_the_end_the_page_offers_only_article_17_grounds(client: Client) -> None:
    dossier = full_dossier(benefit_ended_on=years_ago(2))
    client.force_login(dossier.professional)
    url = reverse("privacy:candidate-erase", args=[dossier.candidate.pk])

    page = client.get(url).content.decode()
    attempt = client.post(url, {"reason": "retention", "confirm": "on"})

    assert 'value="retention"' not in page
    assert 'value="avg17_request"' in page
    assert "bewaartermijn" in page.lower()
    assert attempt.status_code == 400
    assert Candidate.objects.get(pk=dossier.candidate.pk).erased_at is None
