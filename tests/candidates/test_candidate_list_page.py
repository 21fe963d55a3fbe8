"""The candidate list: search in one box, filters, sorting, pages of 25, htmx updates, and a
processing-log entry for every candidate shown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.candidates.api_clients import member_of, partner, team_inkomen
from tests.candidates.factories import (
    BarrierFactory,
    BenefitPeriodFactory,
    CandidateFactory,
    ConsentFactory,
    LadderScoreFactory,
)
from werkpad.accounts.models import User
from werkpad.candidates import views
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

LIST = reverse("candidates:list")


@pytest.fixture
def municipal_client(client: Client) -> Client:
    client.force_login(member_of(team_inkomen()))
    return client


def names(response: Any) -> list[str]:
    return [f"{c.first_name} {c.last_name}" for c in response.context["page"].object_list]


def test_search_finds_by_name_exact_bsn_and_postcode(municipal_client: Client) -> None:
    anna = CandidateFactory(first_name="Anna", last_name="de Boer", postcode="2611 AB")
    CandidateFactory(first_name="Bram", last_name="Jansen", postcode="2622 CD")

    assert names(municipal_client.get(LIST, {"q": "boer"})) == ["Anna de Boer"]
    assert names(municipal_client.get(LIST, {"q": anna.bsn})) == ["Anna de Boer"]
    assert names(municipal_client.get(LIST, {"q": anna.bsn[:-1]})) == []
    assert names(municipal_client.get(LIST, {"q": "2622cd"})) == ["Bram Jansen"]


def test_filters_on_barrier_ladder_step_organisation_and_long_term(
    municipal_client: Client,
) -> None:
    debts = CandidateFactory(first_name="Cor", last_name="Schulden")
    BarrierFactory(candidate=debts, kind="debts")
    climber = CandidateFactory(first_name="Dana", last_name="Trede")
    LadderScoreFactory(candidate=climber, step=2, potential_step=3, assessed_on=dt.date(2023, 1, 1))
    LadderScoreFactory(candidate=climber, step=4, potential_step=5, assessed_on=dt.date(2024, 1, 1))
    guided = CandidateFactory(first_name="Eva", last_name="Werkse")
    ConsentFactory(candidate=guided, organisation=partner("werkse"))
    long_term = CandidateFactory(first_name="Fred", last_name="Lang")
    BenefitPeriodFactory(candidate=long_term, start=dt.date(2012, 1, 1))
    recent = CandidateFactory(first_name="Gea", last_name="Kort")
    BenefitPeriodFactory(candidate=recent, start=timezone.localdate())

    assert names(municipal_client.get(LIST, {"barrier_kind": "debts"})) == ["Cor Schulden"]
    assert names(municipal_client.get(LIST, {"ladder_step": "4"})) == ["Dana Trede"]
    assert names(municipal_client.get(LIST, {"ladder_step": "2"})) == []
    assert names(municipal_client.get(LIST, {"organisation": "werkse"})) == ["Eva Werkse"]
    assert names(municipal_client.get(LIST, {"long_term": "on"})) == ["Fred Lang"]


def test_sorting_by_name_both_ways_and_by_birth_date(municipal_client: Client) -> None:
    CandidateFactory(first_name="Ali", last_name="Zand", birth_date=dt.date(1990, 1, 1))
    CandidateFactory(first_name="Bea", last_name="Akker", birth_date=dt.date(1970, 1, 1))

    assert names(municipal_client.get(LIST)) == ["Bea Akker", "Ali Zand"]
    assert names(municipal_client.get(LIST, {"sort": "-name"})) == ["Ali Zand", "Bea Akker"]
    response = municipal_client.get(LIST, {"sort": "-birth_date"})
    assert names(response) == ["Ali Zand", "Bea Akker"]
    assert b'aria-sort="descending"' in response.content


def test_pages_of_25_with_links_that_keep_the_search(municipal_client: Client) -> None:
    CandidateFactory.create_batch(30, last_name="Visser")

    first = municipal_client.get(LIST, {"q": "visser"})
    second = municipal_client.get(LIST, {"q": "visser", "page": "2"})

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert "?q=visser&amp;page=2" in first.content.decode()


def test_invalid_filter_values_are_ignored_and_named(municipal_client: Client) -> None:
    CandidateFactory(first_name="Hans", last_name="Geldig")

    response = municipal_client.get(LIST, {"ladder_step": "9", "sort": "drop table"})

    assert response.status_code == 200
    assert names(response) == ["Hans Geldig"]
    assert response.context["form"].errors["ladder_step"]


def test_htmx_search_answers_only_the_results_with_a_status_update(
    municipal_client: Client,
) -> None:
    CandidateFactory(first_name="Ilse", last_name="Bakker")

    response = municipal_client.get(
        LIST, {"q": "bakker"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="candidate-results"
    )
    html = response.content.decode()

    assert "<h1" not in html and "<form" not in html
    assert "Ilse" in html
    assert 'hx-swap-oob="innerHTML"' in html and "1 kandidaat gevonden" in html
    assert "HX-Request" in response["Vary"]


def test_without_javascript_the_search_is_a_whole_page(municipal_client: Client) -> None:
    response = municipal_client.get(LIST, {"q": "bakker"})
    html = response.content.decode()

    assert '<form class="utrecht-form" method="get"' in html
    assert 'hx-push-url="true"' in html
    assert 'role="status"' in html


def test_every_candidate_shown_is_logged_once(municipal_client: Client) -> None:
    shown = CandidateFactory.create_batch(3)

    municipal_client.get(LIST)

    entries = ProcessingLogEntry.objects.filter(action="list")
    assert sorted(e.candidate_id for e in entries) == sorted(c.pk for c in shown)
    assert {(e.activity, e.organisation, e.purpose) for e in entries} == {
        ("candidate_list", "team-inkomen", "legal_basis")
    }


def list_queries(client: Client, monkeypatch: pytest.MonkeyPatch, page_size: int) -> list[str]:
    monkeypatch.setattr(views, "PAGE_SIZE", page_size)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(LIST, {"organisation": "werkse", "ladder_step": "3"})
    assert len(response.context["page"].object_list) == page_size
    return [query["sql"] for query in captured.captured_queries]


def test_the_number_of_queries_does_not_grow_with_the_page_size(
    municipal_client: Client, monkeypatch: pytest.MonkeyPatch, django_assert_max_num_queries: Any
) -> None:
    werkse = partner("werkse")
    for candidate in CandidateFactory.create_batch(100):
        ConsentFactory(candidate=candidate, organisation=werkse)
        LadderScoreFactory(candidate=candidate, step=3)
        BarrierFactory(candidate=candidate, owner_organisation=werkse)

    with django_assert_max_num_queries(17):
        small = list_queries(municipal_client, monkeypatch, 10)
    with django_assert_max_num_queries(17):
        large = list_queries(municipal_client, monkeypatch, 100)

    # SQLite takes at most 999 parameters a statement, so Django splits the bulk insert of
    # 100 log entries in two; every other query is the same, and on PostgreSQL all are.
    def reads(queries: list[str]) -> list[str]:
        return [q for q in queries if not q.startswith('INSERT INTO "privacy_processinglogentry"')]

    assert len(reads(large)) == len(reads(small))
    assert ProcessingLogEntry.objects.filter(action="list").count() == 110


def test_empty_state_explains_how_to_get_access(client: Client) -> None:
    client.force_login(member_of(partner("werkse")))
    CandidateFactory()  # a client of Team Inkomen, without consent for Werkse

    html = client.get(LIST).content.decode()

    assert "Je ziet nog geen kandidaten" in html
    assert "toestemming" in html and "regieorganisatie" in html


def test_no_search_results_is_a_different_message(municipal_client: Client) -> None:
    CandidateFactory(first_name="Jan")

    html = municipal_client.get(LIST, {"q": "onbekendenaam"}).content.decode()

    assert "Geen kandidaat past bij je zoekopdracht" in html
    assert "Je ziet nog geen kandidaten" not in html


def health_candidates() -> tuple[Any, Any]:
    """Two candidates with a health barrier: one with consent for care for Werkse, one with
    consent for work guidance only."""
    werkse = partner("werkse")
    with_care = CandidateFactory(first_name="Kees", last_name="Zorg")
    ConsentFactory(candidate=with_care, organisation=werkse, purpose="care")
    BarrierFactory(candidate=with_care, kind="psychological")
    without_care = CandidateFactory(first_name="Lies", last_name="Werk")
    ConsentFactory(candidate=without_care, organisation=werkse, purpose="work_guidance")
    BarrierFactory(candidate=without_care, kind="physical")
    return with_care, without_care


def test_health_filter_shows_only_candidates_whose_health_data_you_may_see(
    client: Client,
) -> None:
    health_candidates()
    werkse_professional: User = member_of(partner("werkse"))
    client.force_login(werkse_professional)

    assert names(client.get(LIST)) == ["Lies Werk", "Kees Zorg"]
    assert names(client.get(LIST, {"barrier_kind": "health"})) == ["Kees Zorg"]


def test_health_filter_reveals_nothing_without_care_access(client: Client) -> None:
    with_care, _ = health_candidates()
    with_care.consents.update(purpose="work_guidance")
    client.force_login(member_of(partner("werkse")))

    assert names(client.get(LIST)) == ["Lies Werk", "Kees Zorg"]
    assert names(client.get(LIST, {"barrier_kind": "health"})) == []


def test_the_municipal_team_filters_its_own_clients_on_health(municipal_client: Client) -> None:
    health_candidates()
    CandidateFactory(first_name="Mo", last_name="Gezond")

    assert names(municipal_client.get(LIST, {"barrier_kind": "health"})) == [
        "Lies Werk",
        "Kees Zorg",
    ]
