"""The same (candidates, seed, today) always gives the same population; sizes scale."""

from __future__ import annotations

from datetime import date

import pytest

from werkpad.demo.population import generate_population

SMALL = 350


def test_same_arguments_give_an_equal_population() -> None:
    assert generate_population(candidates=SMALL, seed=7) == generate_population(
        candidates=SMALL, seed=7
    )


def test_another_seed_gives_other_people() -> None:
    first = generate_population(candidates=SMALL, seed=1)
    second = generate_population(candidates=SMALL, seed=2)
    first_bsns = {p.bsn for p in first.people}
    assert len(first_bsns & {p.bsn for p in second.people}) < len(first_bsns) / 10
    assert [p.first_name for p in first.people[:20]] != [p.first_name for p in second.people[:20]]
    assert [p.benefit_periods for p in first.people] != [p.benefit_periods for p in second.people]


def test_candidates_is_the_stock_on_2019_new_year_and_the_rest_scales() -> None:
    population = generate_population(candidates=SMALL, seed=3)
    assert population.scale == pytest.approx(0.1)
    assert population.stock_on(date(2019, 1, 1)) == pytest.approx(SMALL, rel=0.05)
    assert population.stock_on(date(2019, 7, 1)) == pytest.approx(340, rel=0.05)
    assert 260 <= population.stock_on(date(2023, 12, 31)) <= 290


def test_an_earlier_today_ends_the_history_and_the_dossiers_there() -> None:
    today = date(2021, 6, 30)
    population = generate_population(candidates=SMALL, seed=1, today=today)
    assert population.today == today
    assert population.stock_on(today) > 0
    for person in population.people:
        for period in person.benefit_periods:
            assert period.start <= today
            assert period.end is None or period.end <= today
        for barrier in person.barriers:
            assert barrier.opened_on <= today
            assert barrier.resolved_on is None or barrier.resolved_on <= today
        assert all(score.assessed_on <= today for score in person.ladder_scores)
        for consent in person.consents:
            assert consent.granted_on <= today
            assert consent.revoked_on is None or consent.revoked_on <= today


def test_zero_candidates_gives_an_empty_population() -> None:
    assert generate_population(candidates=0).people == ()


def test_nonsense_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="candidates"):
        generate_population(candidates=-1)
    with pytest.raises(ValueError, match="today"):
        generate_population(today=date(2015, 12, 31))
