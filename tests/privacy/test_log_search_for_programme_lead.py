"""The programme lead searches the processing log; everyone else finds no such page."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.candidates.factories import CandidateFactory
from tests.factories import OrganisationFactory
from tests.privacy.avg_helpers import member_of, team_inkomen
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.organisations.roles import Role
from werkpad.privacy import views as privacy_views
from werkpad.privacy.codes import LogAction
from werkpad.privacy.models import ProcessingLogEntry
from werkpad.privacy.selectors import LogFilters, processing_log_search

pytestmark = pytest.mark.django_db

URL = reverse("privacy:log-search")
CSV_URL = reverse("privacy:log-search-csv")


@pytest.fixture
def lead() -> User:
    return member_of(OrganisationFactory(slug="wsp-delft", name="WSP Delft"), Role.PROGRAMME_LEAD)


def log(
    candidate: Candidate | None,
    *,
    user: User | None = None,
    action: LogAction = LogAction.VIEW,
    activity: str = "candidate_dossier",
    when: dt.datetime | None = None,
) -> ProcessingLogEntry:
    """An entry as a Team Inkomen professional's work writes it, at `when` (default now)."""
    return ProcessingLogEntry.objects.create(
        timestamp=when or timezone.now(),
        user_id=user.pk if user else None,
        user_label=user.email if user else "",
        organisation=team_inkomen().slug,
        action=action,
        activity=activity,
        purpose="legal_basis",
        object_type="candidate",
        object_id=str(candidate.pk) if candidate else "",
        candidate=candidate,
    )


def test_searching_on_an_exact_bsn_shows_only_that_candidates_entries(
    client: Client, lead: User, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    wanted, other = CandidateFactory(), CandidateFactory()
    for _ in range(30):
        log(wanted)
        log(other)
    client.force_login(lead)

    with django_assert_max_num_queries(15):
        response = client.get(URL, {"bsn": wanted.bsn})

    entries = list(response.context["page"].object_list)
    assert response.status_code == 200
    assert {e.candidate_id for e in entries} == {wanted.pk}
    assert str(other.pk) not in response.content.decode()


def test_a_search_on_one_candidate_is_itself_logged(client: Client, lead: User) -> None:
    candidate = CandidateFactory()
    log(candidate)
    client.force_login(lead)

    client.get(URL, {"candidate": str(candidate.pk)})

    entry = ProcessingLogEntry.objects.get(activity="processing_log_search")
    assert (entry.user_id, entry.organisation, entry.purpose, entry.action) == (
        lead.pk,
        "wsp-delft",
        "accountability",
        "view",
    )
    assert entry.candidate_id == candidate.pk


def test_a_search_without_a_candidate_and_a_bsn_of_nobody_log_nothing(
    client: Client, lead: User
) -> None:
    log(CandidateFactory())
    client.force_login(lead)

    client.get(URL)
    client.get(URL, {"action": "view"})
    nobody = client.get(URL, {"bsn": "111222333"})

    assert not ProcessingLogEntry.objects.filter(activity="processing_log_search").exists()
    assert "Geen regels" in nobody.content.decode()


def test_filters_on_organisation_user_action_activity_and_dates(lead: User) -> None:
    candidate = CandidateFactory()
    worker = member_of(team_inkomen())
    now = timezone.now()
    match = log(candidate, user=worker, action=LogAction.UPDATE, activity="candidate_plan")
    log(candidate, user=worker, action=LogAction.VIEW, activity="candidate_plan")
    log(candidate, user=lead, action=LogAction.UPDATE, activity="candidate_plan")
    log(candidate, user=worker, action=LogAction.UPDATE, activity="candidate_dossier")
    log(
        candidate,
        user=worker,
        action=LogAction.UPDATE,
        activity="candidate_plan",
        when=now - dt.timedelta(days=10),
    )

    found = processing_log_search(
        user=lead,
        filters=LogFilters(
            organisation="team-inkomen",
            user_email=worker.email.upper(),
            action="update",
            activity="candidate_plan",
            date_from=timezone.localdate() - dt.timedelta(days=1),
            date_to=timezone.localdate(),
        ),
    )

    assert list(found) == [match]
    assert not processing_log_search(user=lead, filters=LogFilters(organisation="werkse")).exists()


def test_newest_first_and_paginated(
    client: Client, lead: User, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    candidate = CandidateFactory()
    start = timezone.now() - dt.timedelta(hours=2)
    for minute in range(55):
        log(candidate, when=start + dt.timedelta(minutes=minute))
    client.force_login(lead)

    with django_assert_max_num_queries(11):
        first = client.get(URL)
    second = client.get(URL, {"page": 2})

    first_page = list(first.context["page"].object_list)
    assert len(first_page) == 50
    assert first_page[0].timestamp == start + dt.timedelta(minutes=54)
    assert first_page == sorted(first_page, key=lambda e: e.timestamp, reverse=True)
    assert len(second.context["page"].object_list) == 5
    assert first.context["page"].paginator.num_pages == 2
    assert 'rel="next"' in first.content.decode()


def test_the_result_downloads_as_csv_and_the_download_is_logged(client: Client, lead: User) -> None:
    candidate = CandidateFactory()
    log(candidate, user=member_of(team_inkomen()))
    log(CandidateFactory())
    client.force_login(lead)

    response = client.get(CSV_URL, {"bsn": candidate.bsn})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    # Newest first: the download itself is logged before the result is read.
    assert [(r["candidate_id"], r["activity"], r["organisation"]) for r in rows] == [
        (str(candidate.pk), "processing_log_search", "wsp-delft"),
        (str(candidate.pk), "candidate_dossier", "team-inkomen"),
    ]
    assert (
        ProcessingLogEntry.objects.filter(
            activity="processing_log_search", action="export", candidate=candidate
        ).count()
        == 1
    )


def test_an_administrator_may_search_too(client: Client) -> None:
    client.force_login(member_of(OrganisationFactory(), Role.ADMIN))

    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.CHAIR, Role.BOARD])
def test_other_roles_get_404_for_the_page_and_the_download(client: Client, role: Role) -> None:
    candidate = CandidateFactory()
    log(candidate)
    client.force_login(member_of(team_inkomen(), role))

    assert client.get(URL).status_code == 404
    assert client.get(CSV_URL, {"bsn": candidate.bsn}).status_code == 404
    assert client.get(URL, {"bsn": "not a bsn"}).status_code == 404
    assert not ProcessingLogEntry.objects.filter(activity="processing_log_search").exists()


def test_a_wrong_bsn_or_date_range_gets_a_dutch_message_at_the_field(
    client: Client, lead: User
) -> None:
    client.force_login(lead)

    response = client.get(
        URL, {"bsn": "123456789", "date_from": "2024-05-02", "date_to": "2024-05-01"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Dit is geen geldig BSN" in page
    assert "De einddatum kan niet voor de begindatum liggen" in page
    assert 'aria-describedby="id_bsn_error"' in page


def test_a_huge_result_is_counted_up_to_a_cap_and_says_so(
    client: Client, lead: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(privacy_views, "LOG_COUNT_CAP", 60)
    candidate = CandidateFactory()
    for _ in range(65):
        log(candidate)
    client.force_login(lead)

    response = client.get(URL)
    beyond = client.get(URL, {"page": 3})

    paginator = response.context["page"].paginator
    assert (paginator.capped, paginator.num_pages) == (True, 2)
    assert "Meer dan 60 regels" in response.content.decode()
    assert beyond.context["page"].number == 2
