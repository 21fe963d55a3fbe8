"""Personal details are valid, Delft-shaped and unique where they must be."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest
from stdnum.nl import bsn

from werkpad.demo.population import Population, generate_population
from werkpad.demo.population_records import (
    DUTCH_LEVELS,
    DUTCH_LEVELS_BELOW_B1,
    EDUCATION_LEVELS,
    GENDERS,
    HOUSEHOLDS,
    MUNICIPAL_ORGANISATIONS,
    OFFER_KINDS,
    SEGMENTS,
    SKILLS,
)

DELFT_PC4 = {"2611", "2612", "2613", "2614", "2616"} | {str(n) for n in range(2622, 2630)}
ISO_639_1 = re.compile(r"^[a-z]{2}$")


def _age(birth_date: date, day: date) -> int:
    """Age in whole years on ``day``, as on a birthday calendar."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


@pytest.fixture(scope="module")
def population() -> Population:
    return generate_population()


def test_bsns_are_valid_and_unique(population: Population) -> None:
    numbers = [person.bsn for person in population.people]
    assert len(set(numbers)) == len(numbers)
    assert all(len(number) == 9 and bsn.is_valid(number) for number in numbers)


def test_contact_details_are_synthetic_and_dutch_shaped(population: Population) -> None:
    emails = [person.email for person in population.people]
    assert len(set(emails)) == len(emails)
    for person in population.people:
        assert re.fullmatch(r"[a-z]+\.[a-z]+\d*@example\.(org|net)", person.email), person.email
        assert re.fullmatch(r"06-\d{8}", person.phone), person.phone
        assert re.fullmatch(r"\d{4} [A-Z]{2}", person.postcode), person.postcode
        assert person.postcode[:4] in DELFT_PC4
        assert person.postcode[5:] not in {"SA", "SD", "SS"}
        assert re.fullmatch(r"[1-9]\d{0,2}[a-c]?", person.house_number), person.house_number


def test_names_are_filled_in_and_varied(population: Population) -> None:
    assert all(person.first_name and person.last_name for person in population.people)
    assert len({person.last_name for person in population.people}) > 500
    assert any(" " in person.last_name for person in population.people), "tussenvoegsels"


def test_everyone_on_bijstand_in_2019_is_18_to_67(population: Population) -> None:
    day = date(2019, 1, 1)
    for person in population.people:
        if person.on_bijstand(day):
            age = _age(person.birth_date, day)
            assert 18 <= age < 67, (person.bsn, age)


def test_nobody_is_on_bijstand_before_18_or_after_67(population: Population) -> None:
    for person in population.people:
        for period in person.benefit_periods:
            assert _age(person.birth_date, period.start) >= 18
            assert _age(person.birth_date, period.end or population.today) < 67


def test_households_are_mostly_single_and_young_children_need_a_family(
    population: Population,
) -> None:
    households = Counter(person.household for person in population.people)
    assert set(households) == set(HOUSEHOLDS)
    assert households["single"] / len(population.people) > 0.5
    assert households["single_parent"] > households["couple"] > 0
    with_children = Counter(p.household for p in population.people if p.children_under_12 > 0)
    assert with_children["single"] == 0
    assert with_children["single_parent"] > 0 and with_children["couple"] > 0
    assert all(0 <= person.children_under_12 <= 4 for person in population.people)


def test_about_a_quarter_speak_dutch_below_b1(population: Population) -> None:
    below = sum(p.dutch_level in DUTCH_LEVELS_BELOW_B1 for p in population.people)
    assert below / len(population.people) == pytest.approx(0.25, abs=0.03)
    for person in population.people:
        assert person.dutch_level in DUTCH_LEVELS
        assert person.languages and all(ISO_639_1.match(code) for code in person.languages)
        assert len(set(person.languages)) == len(person.languages)
        if person.languages == ("nl",):
            assert person.dutch_level not in {"none", "A1"}


def test_codes_come_from_their_vocabularies(population: Population) -> None:
    for person in population.people:
        assert person.gender in GENDERS
        assert person.education in EDUCATION_LEVELS
        assert person.segment in SEGMENTS
        assert set(person.skills) <= set(SKILLS)
        assert len(set(person.skills)) == len(person.skills)
        assert person.preferred_offer_kinds
        assert set(person.preferred_offer_kinds) <= set(OFFER_KINDS)
        assert person.lead_organisation in MUNICIPAL_ORGANISATIONS
        assert person.work_experience
    assert 20 <= len(SKILLS) <= 30
    assert len({skill for person in population.people for skill in person.skills}) == len(SKILLS)


def test_team_inkomen_leads_most_people(population: Population) -> None:
    leads = Counter(person.lead_organisation for person in population.people)
    assert leads["team-inkomen"] > 0.7 * len(population.people)
    assert leads["sociaal-team"] > 0


def test_hours_and_travel_fit_the_segment(population: Population) -> None:
    hours: dict[str, list[int]] = {segment: [] for segment in SEGMENTS}
    for person in population.people:
        assert 0 <= person.hours_available <= 40
        assert person.max_travel_km > 0
        hours[person.segment].append(person.hours_available)
    average = {segment: sum(values) / len(values) for segment, values in hours.items()}
    assert average["unable"] < average["volunteer_parttime"] < average["focus"]
    assert average["focus"] < average["regular"]
