"""Who sees which figures: the programme lead everything exactly; the board the same
aggregates with "< 5"; a professional only their own visible candidates; nobody a person.

The city: 6 clients of Team Inkomen, 1 erased former client of Team Inkomen (still on
bijstand in the figures), and 3 clients of Werkse! that Team Inkomen may not see. Two of the
Team Inkomen clients came in during March 2019.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import DataVersion
from tests.factories import OrganisationFactory
from tests.monitor.factories import person
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.monitor.cache import refreshes_wait
from werkpad.monitor.indicators import monthly_flows
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role

D = dt.date
SMALL = {"1", "2", "3", "4"}
SPRING_2019 = {"start": "2019-01", "end": "2019-06", "granularity": "month"}


@pytest.fixture
def team_inkomen(db: None) -> Organisation:
    return OrganisationFactory(
        slug="team-inkomen",
        name="Team Inkomen",
        kind=OrganisationKind.MUNICIPALITY,
        has_legal_basis=True,
    )


@pytest.fixture
def city(team_inkomen: Organisation) -> list[Candidate]:
    werkse = OrganisationFactory(slug="werkse", name="Werkse!")
    people = [person((D(2015, 1, 1), None, ""), lead_organisation=team_inkomen) for _ in range(4)]
    people += [person((D(2019, 3, 4), None, ""), lead_organisation=team_inkomen) for _ in range(2)]
    erased = person((D(2014, 1, 1), None, ""), lead_organisation=team_inkomen)
    Candidate.objects.filter(pk=erased.pk).update(erased_at=timezone.now())
    people += [person((D(2016, 1, 1), None, ""), lead_organisation=werkse) for _ in range(3)]
    return people


def _stock(client: Client, **query: str) -> list[object]:
    response = client.get("/monitor/", {**SPRING_2019, **query})
    assert response.status_code == 200
    return [row["on_bijstand"] for row in response.context["tables"]["flows"].rows]


def test_programme_lead_counts_everyone_erased_included(
    city: list[Candidate], client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.PROGRAMME_LEAD))
    assert _stock(client) == [8, 8, 8, 10, 10, 10]
    assert _stock(client, organisation="werkse") == [3] * 6


def test_board_sees_small_counts_as_less_than_five_and_no_person(
    city: list[Candidate], client: Client, user_with_role: Callable[..., User]
) -> None:
    client.force_login(user_with_role(Role.BOARD))
    response = client.get("/monitor/", SPRING_2019)
    html = response.content.decode()
    flows = response.context["tables"]["flows"]
    keys = [column.key for column in flows.columns]
    march = next(cells for cells in flows.row_cells if cells[0].text == "2019-03")
    assert march[keys.index("inflow")].text == "< 5"
    assert march[keys.index("on_bijstand")].text == "8"
    for candidate in city:
        assert candidate.full_name not in html  # a last name like "Mens" is also a Dutch word
    assert "Bijstand halveren" in html  # the city-wide goals


def test_professional_sees_only_the_candidates_they_may_see(
    city: list[Candidate],
    client: Client,
    user_with_role: Callable[..., User],
    team_inkomen: Organisation,
) -> None:
    client.force_login(user_with_role(Role.PROFESSIONAL, team_inkomen))
    assert _stock(client) == [4, 4, 4, 6, 6, 6]
    response = client.get("/monitor/", SPRING_2019)
    assert response.context["goal_cards"] == []
    assert client.get("/monitor/open-data.csv").status_code == 403
    assert client.get("/monitor/rapportage.pdf", {"kwartaal": "2023-4"}).status_code == 403


def test_nobody_else_uses_the_monitor(
    city: list[Candidate], client: Client, user_with_role: Callable[..., User]
) -> None:
    assert client.get("/monitor/").status_code == 302  # to the login page
    client.force_login(user_with_role(Role.ADMIN))
    assert client.get("/monitor/").status_code == 403
    assert client.get("/monitor/export/monitor.xlsx").status_code == 403


def test_open_data_shows_no_count_between_1_and_4(
    city: list[Candidate], client: Client, user_with_role: Callable[..., User]
) -> None:
    for role in (Role.PROGRAMME_LEAD, Role.BOARD):
        client.force_login(user_with_role(role))
        response = client.get("/monitor/open-data.csv", SPRING_2019)
        assert response.status_code == 200
        lines = list(csv.reader(io.StringIO(response.content.decode())))
        assert lines[0] == ["indicator", "indicator_title", "row", "measure", "value"]
        assert "< 5" in [line[4] for line in lines[1:]]
        small = [line for line in lines[1:] for cell in line if cell.strip() in SMALL]
        assert small == []


@pytest.mark.django_db(transaction=True)
def test_colleagues_share_kept_figures_and_other_organisations_never_see_them(
    kept_in_background: DataVersion,
    client: Client,
    user_with_role: Callable[..., User],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Kept figures are shared by the professionals who may see the same candidates."""
    team_inkomen = OrganisationFactory(slug="team-inkomen", has_legal_basis=True)
    werkse = OrganisationFactory(slug="werkse", has_legal_basis=True)
    for _ in range(4):
        person((D(2015, 1, 1), None, ""), lead_organisation=team_inkomen)
    person((D(2016, 1, 1), None, ""), lead_organisation=werkse)
    computed = []
    monkeypatch.setattr(
        "werkpad.monitor.selectors.monthly_flows",
        lambda scope: computed.append(scope) or monthly_flows(scope),
    )

    client.force_login(user_with_role(Role.PROFESSIONAL, team_inkomen))
    client.get("/monitor/", SPRING_2019)  # "being computed"
    refreshes_wait()
    assert _stock(client) == [4] * 6
    client.force_login(user_with_role(Role.PROFESSIONAL, team_inkomen))
    assert _stock(client) == [4] * 6
    assert len(computed) == 1, "the colleague was served the figures kept"

    client.force_login(user_with_role(Role.PROFESSIONAL, werkse))
    client.get("/monitor/", SPRING_2019)
    refreshes_wait()
    assert _stock(client) == [1] * 6
    assert len(computed) == 2
