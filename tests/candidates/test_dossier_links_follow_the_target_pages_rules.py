"""The dossier's overview links to the other apps — export, erasure, the Zeg JA Team, the
portal, "Passend aanbod", placements and correction requests — only where the user may go: every
link shown opens (200), and what is hidden would have been refused. Opening the overview still
writes exactly one processing-log entry, in a bounded number of queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.candidates.api_clients import member_of, partner, team_inkomen
from tests.candidates.factories import CandidateFactory, ConsentFactory, LadderScoreFactory
from tests.cases.factories import CaseFactory
from tests.offers.factories import OfferFactory, PlacementFactory
from tests.panel.factories import CandidateAccountFactory, CorrectionRequestFactory
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.cases.models import Case
from werkpad.offers.models import Placement
from werkpad.panel.models import CorrectionRequest
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


@dataclass
class Dossier:
    candidate: Candidate
    case: Case
    placement: Placement
    request: CorrectionRequest


@pytest.fixture
def dossier() -> Dossier:
    """A client of Team Inkomen with a case, a placement and a correction request."""
    candidate = CandidateFactory(
        first_name="Noor",
        last_name="Hendriks",
        postcode="2611 AB",
        lead_organisation=team_inkomen(),
    )
    LadderScoreFactory(candidate=candidate, step=3, potential_step=4)
    case = CaseFactory(candidate=candidate, submitting_organisation=candidate.lead_organisation)
    placement = PlacementFactory(
        candidate=candidate, offer=OfferFactory(title="Fietsen opknappen bij De Firma van Buiten")
    )
    request = CorrectionRequestFactory(candidate=candidate)
    return Dossier(candidate, case, placement, request)


def overview(client: Client, user: User, candidate: Candidate) -> str:
    client.force_login(user)
    response = client.get(reverse("candidates:detail", kwargs={"candidate_id": candidate.pk}))
    assert response.status_code == 200
    return response.content.decode()


def hrefs(html: str) -> set[str]:
    return {href.replace("&amp;", "&") for href in re.findall(r'href="([^"#]+)"', html)}


def urls_of(dossier: Dossier) -> dict[str, str]:
    candidate = {"candidate_id": dossier.candidate.pk}
    return {
        "export": reverse("privacy:candidate-export", kwargs=candidate),
        "erase": reverse("privacy:candidate-erase", kwargs=candidate),
        "invite": reverse("panel:invite", kwargs=candidate),
        "submit_case": f"{reverse('cases:submit')}?kandidaat={dossier.candidate.pk}",
        "case": reverse("cases:detail", kwargs={"case_id": dossier.case.pk}),
        "offers": reverse("matching:candidate-suggestions", kwargs=candidate),
        "placement": reverse(
            "matching:placement-detail", kwargs={"placement_id": dossier.placement.pk}
        ),
        "request": reverse("panel:correction-request", kwargs={"request_id": dossier.request.pk}),
    }


def test_the_lead_organisation_gets_every_link_and_each_one_opens(
    client: Client, dossier: Dossier
) -> None:
    professional = member_of(dossier.candidate.lead_organisation)

    html = overview(client, professional, dossier.candidate)

    for text in (
        "Gegevens exporteren",
        "Gegevens wissen",
        "Uitnodigen voor het portaal",
        "Inbrengen bij het Zeg JA Team",
        dossier.case.reference,
        "Fietsen opknappen bij De Firma van Buiten",
        "Correctieverzoeken",
        "Passend aanbod",
    ):
        assert text in html, text
    urls = urls_of(dossier)
    assert set(urls.values()) <= hrefs(html)
    assert f'hx-get="{urls["offers"]}"' in html
    for name, url in urls.items():
        assert client.get(url).status_code == 200, name


def test_a_partner_without_those_rights_gets_none_of_the_links(
    client: Client, dossier: Dossier
) -> None:
    werkse = partner("werkse")
    ConsentFactory(candidate=dossier.candidate, organisation=werkse, purpose="work_guidance")
    professional = member_of(werkse)

    html = overview(client, professional, dossier.candidate)

    urls = urls_of(dossier)
    for name in ("export", "erase", "submit_case", "case", "offers", "placement", "request"):
        assert urls[name] not in html, name
    for text in ("Gegevens exporteren", "Gegevens wissen", "Inbrengen bij het Zeg JA Team"):
        assert text not in html
    assert "Passend aanbod" not in html and "Correctieverzoeken" not in html
    assert "toestemming voor bespreking in het Zeg JA Team" in html
    # What is hidden would have been refused: 403 for the AVG rights (the partner sees the
    # candidate), 404 for the case, the suggestions and the placement.
    assert client.get(urls["export"]).status_code == 403
    for name in ("case", "offers", "placement", "request"):
        assert client.get(urls[name]).status_code == 404, name
    # The portal invitation is for whoever sees the candidate.
    assert urls["invite"] in html
    assert client.get(urls["invite"]).status_code == 200


def test_a_partner_with_consent_for_the_zeg_ja_team_and_matching_gets_those_links(
    client: Client, dossier: Dossier
) -> None:
    werkse = partner("werkse")
    for purpose in ("zeg_ja_team", "matching"):
        ConsentFactory(candidate=dossier.candidate, organisation=werkse, purpose=purpose)
    professional = member_of(werkse)

    html = overview(client, professional, dossier.candidate)

    urls = urls_of(dossier)
    for name in ("submit_case", "case", "offers", "placement"):
        assert urls[name] in hrefs(html), name
        assert client.get(urls[name]).status_code == 200, name
    for name in ("export", "erase", "request"):
        assert urls[name] not in html, name


def test_an_account_holder_is_not_invited_again(client: Client, dossier: Dossier) -> None:
    CandidateAccountFactory(candidate=dossier.candidate)

    html = overview(client, member_of(dossier.candidate.lead_organisation), dossier.candidate)

    assert urls_of(dossier)["invite"] not in html
    assert "heeft een account voor het portaal" in html


def test_opening_the_overview_with_every_link_writes_exactly_one_entry(
    client: Client, dossier: Dossier
) -> None:
    professional = member_of(dossier.candidate.lead_organisation)

    overview(client, professional, dossier.candidate)

    entry = ProcessingLogEntry.objects.get()
    assert (entry.action, entry.activity, entry.user_id, entry.candidate_id) == (
        "view",
        "candidate_dossier",
        professional.pk,
        dossier.candidate.pk,
    )


@pytest.mark.parametrize("extra", [0, 5])
def test_the_queries_of_the_overview_do_not_grow_with_the_cases_and_placements(
    client: Client, dossier: Dossier, extra: int, django_assert_max_num_queries: Any
) -> None:
    for _ in range(extra):
        CaseFactory(candidate=dossier.candidate, submitting_organisation=team_inkomen())
        PlacementFactory(candidate=dossier.candidate, offer=dossier.placement.offer)
        CorrectionRequestFactory(candidate=dossier.candidate)
    client.force_login(member_of(dossier.candidate.lead_organisation))

    with django_assert_max_num_queries(18):
        response = client.get(
            reverse("candidates:detail", kwargs={"candidate_id": dossier.candidate.pk})
        )

    assert response.content.decode().count("ZJA-") == 1 + extra
