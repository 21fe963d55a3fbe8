"""Consents go to partners for a purpose that fits, never to the municipality's own teams."""

from __future__ import annotations

from collections import Counter

import pytest

from werkpad.demo.population import Population, generate_population
from werkpad.demo.population_records import (
    CONSENT_PURPOSES,
    MUNICIPAL_ORGANISATIONS,
    ORGANISATION_SLUGS,
)


@pytest.fixture(scope="module")
def population() -> Population:
    return generate_population()


def test_consents_are_for_partners_only(population: Population) -> None:
    for person in population.people:
        for consent in person.consents:
            assert consent.organisation in ORGANISATION_SLUGS
            assert consent.organisation not in MUNICIPAL_ORGANISATIONS
            assert consent.purpose in CONSENT_PURPOSES
        pairs = [(c.organisation, c.purpose) for c in person.consents]
        assert len(set(pairs)) == len(pairs)


def test_consents_are_granted_during_the_programme_while_on_bijstand(
    population: Population,
) -> None:
    for person in population.people:
        for consent in person.consents:
            assert population.programme_start <= consent.granted_on <= population.today
            assert person.on_bijstand(consent.granted_on)
            if consent.expires_on is not None:
                assert consent.expires_on > consent.granted_on
            if consent.revoked_on is not None:
                assert consent.granted_on < consent.revoked_on <= population.today
        last_end = person.benefit_periods[-1].end
        if last_end is not None and last_end < population.programme_start:
            assert person.consents == ()


def test_debts_often_come_with_debt_help_for_the_owner(population: Population) -> None:
    with_debts = [
        (person, barrier)
        for person in population.people
        for barrier in person.barriers
        if barrier.kind == "debts" and person.consents
    ]
    helped = sum(
        any(
            c.purpose == "debt_help" and c.organisation == barrier.owner_organisation
            for c in person.consents
        )
        for person, barrier in with_debts
    )
    assert helped / len(with_debts) > 0.6


def test_psychological_barriers_often_come_with_care_consent_for_ggz(
    population: Population,
) -> None:
    with_psych = [
        person
        for person in population.people
        if person.consents and any(b.kind == "psychological" for b in person.barriers)
    ]
    cared = sum(
        any(c.purpose == "care" and c.organisation.startswith("ggz-") for c in p.consents)
        for p in with_psych
    )
    assert cared / len(with_psych) > 0.6


def test_most_focus_candidates_consent_to_work_guidance(population: Population) -> None:
    focus = [
        person
        for person in population.people
        if person.segment == "focus" and person.on_bijstand(population.caseload_date)
    ]
    guided = sum(
        any(
            c.purpose == "work_guidance" and c.organisation in {"werkse", "stichting-perspektief"}
            for c in person.consents
        )
        for person in focus
    )
    assert guided / len(focus) > 0.7


def test_matching_and_zeg_ja_team_consents_go_to_wsp_delft(population: Population) -> None:
    purposes = Counter(c.purpose for person in population.people for c in person.consents)
    assert set(purposes) == set(CONSENT_PURPOSES)
    assert purposes["matching"] > 500
    assert 50 < purposes["zeg_ja_team"] < purposes["matching"]
    for person in population.people:
        for consent in person.consents:
            if consent.purpose in {"matching", "zeg_ja_team"}:
                assert consent.organisation == "wsp-delft"


def test_zeg_ja_team_cases_are_long_term(population: Population) -> None:
    for person in population.people:
        for consent in person.consents:
            if consent.purpose == "zeg_ja_team":
                period = next(p for p in person.benefit_periods if p.covers(consent.granted_on))
                assert (consent.granted_on - period.start).days >= 5 * 365.25


def test_a_few_consents_are_revoked_or_expired(population: Population) -> None:
    consents = [c for person in population.people for c in person.consents]
    revoked = sum(c.revoked_on is not None for c in consents)
    expired = sum(c.expires_on is not None and c.expires_on < population.today for c in consents)
    assert 0 < revoked < 0.05 * len(consents)
    assert 0 < expired < 0.15 * len(consents)
    assert sum(c.is_active(population.today) for c in consents) > 0.8 * len(consents)
