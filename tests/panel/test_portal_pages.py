"""The portal's pages: each shows the candidate's own file (never professionals' notes), each
read is recorded in the processing log, and each runs a fixed number of queries."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.candidates.factories import BarrierFactory, ConsentFactory, LadderScoreFactory
from tests.cases.factories import ActionFactory, CaseFactory
from tests.offers.factories import MatchFactory, OfferFactory
from tests.panel.conftest import EXPLANATION, PROFESSIONAL_NOTE, File, Portal
from tests.panel.factories import CorrectionRequestFactory, IdeaFactory
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

PAGES = [
    "panel:home",
    "panel:plan",
    "panel:barriers",
    "panel:ladder",
    "panel:proposals",
    "panel:consents",
    "panel:log",
    "panel:data",
    "panel:corrections",
    "panel:notifications",
    "panel:my-panel",
    "panel:idea-submit",
    "panel:consent-grant",
]

# The export reads every section the apps register with the privacy app, one query or two each.
QUERY_CAPS = {"panel:data": 45}


def test_barriers_show_no_professionals_notes_but_do_show_health(portal: Portal) -> None:
    body = portal.client_for(portal.own.account.user).get(reverse("panel:barriers"))
    text = body.content.decode()
    assert "Schulden" in text and "Psychische klachten" in text
    assert PROFESSIONAL_NOTE not in text


def test_plan_ladder_and_zeg_ja_actions(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    plan = client.get(reverse("panel:plan")).content.decode()
    assert "Doel Zonnebloem" in plan and "Stap Zonnebloem" in plan and "Actie Zonnebloem" in plan
    ladder = client.get(reverse("panel:ladder")).content.decode()
    assert "3 — Deelnemen aan georganiseerde activiteiten" in ladder or "Nu" in ladder
    assert "Omhoog van trede 2" in ladder


def test_every_read_is_logged_for_the_candidate_themself(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    for name in ("panel:home", "panel:plan", "panel:barriers", "panel:ladder", "panel:proposals"):
        before = ProcessingLogEntry.objects.count()
        assert client.get(reverse(name)).status_code == 200
        entry = ProcessingLogEntry.objects.order_by("-timestamp", "-id").first()
        assert ProcessingLogEntry.objects.count() == before + 1, name
        assert entry is not None
        assert (entry.candidate_id, entry.purpose, entry.action) == (
            portal.own.candidate.pk,
            "candidate_self",
            "view",
        )
    barriers = ProcessingLogEntry.objects.filter(object_type="barrier", purpose="candidate_self")
    assert barriers.get().confidentiality == "special"


def test_the_download_holds_all_my_data_and_is_logged(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    response = client.get(reverse("panel:data-download"))
    assert response["Content-Disposition"].startswith('attachment; filename="mijn-gegevens-')
    data = json.loads(response.content)
    assert data["sections"]["person"]["first_name"] == "Fatima"
    assert [r["description"] for r in data["sections"]["correction_requests"]] == [
        "Correctie Zonnebloem"
    ]
    assert data["sections"]["candidate_panel"][0]["left_on"] is None
    assert ProcessingLogEntry.objects.filter(
        candidate_id=portal.own.candidate.pk, action="export", purpose="candidate_self"
    ).exists()
    page = client.get(reverse("panel:data")).content.decode()
    assert "Uw verzoeken om een correctie" in page


def add_more(file: File, portal: Portal, count: int) -> None:
    candidate = file.candidate
    for _ in range(count):
        BarrierFactory(candidate=candidate, owner_organisation=portal.werkse)
        LadderScoreFactory(candidate=candidate)
        ConsentFactory(candidate=candidate, organisation=portal.werkse, purpose="debt_help")
        MatchFactory(
            candidate=candidate,
            offer=OfferFactory(organisation=portal.werkse),
            explanation=EXPLANATION,
        )
        CorrectionRequestFactory(candidate=candidate)
        ActionFactory(case=CaseFactory(candidate=candidate), owner_organisation=portal.werkse)
        IdeaFactory(author=candidate)
        candidate.plan_goals.first().steps.create(  # type: ignore[union-attr]
            description="Nog een stap", owner_organisation=portal.werkse, due_on="2030-02-01"
        )


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("name", PAGES)
def test_portal_pages_run_a_fixed_number_of_queries(
    portal: Portal, name: str, django_assert_max_num_queries
) -> None:
    client = portal.client_for(portal.own.account.user)
    url = reverse(name)
    add_more(portal.own, portal, 1)
    count_queries(client, url)  # the first visit makes the log non-empty
    few = count_queries(client, url)
    add_more(portal.own, portal, 6)
    with django_assert_max_num_queries(QUERY_CAPS.get(name, 25)):
        many = count_queries(client, url)
    assert many == few, f"{name}: {few} queries with a little data, {many} with more"


def test_a_proposal_page_runs_a_fixed_number_of_queries(
    portal: Portal, django_assert_max_num_queries
) -> None:
    client = portal.client_for(portal.own.account.user)
    with django_assert_max_num_queries(12):
        client.get(reverse("panel:proposal", kwargs={"match_id": portal.own.match.pk}))


@pytest.mark.parametrize("name", ["panel:ideas", "panel:correction-requests", "panel:sessions"])
def test_professional_lists_run_a_fixed_number_of_queries(
    portal: Portal, name: str, django_assert_max_num_queries
) -> None:
    client = portal.client_for(
        portal.programme_lead if name != "panel:correction-requests" else portal.lead_professional
    )
    url = reverse(name)
    few = count_queries(client, url)
    add_more(portal.other, portal, 6)
    with django_assert_max_num_queries(25):
        many = count_queries(client, url)
    assert many == few
