"""A candidate account has no Membership and sees nothing of the professionals' side: their
pages, the API and the management pages answer 404; the home page leads to the portal."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.panel.conftest import Portal
from werkpad.organisations.models import Membership
from werkpad.panel.services import candidate_account_create
from werkpad.privacy.access import visible_candidates

pytestmark = pytest.mark.django_db

PROFESSIONAL_PAGES = [
    "/kandidaten/",
    "/organisaties/",
    "/zeg-ja/",
    "/aanbod/",
    "/matching/",
    "/monitor/",
    "/privacy/verwerkingenlog/",
    "/admin/",
    "/api/v1/organisations/",
    "/api/v1/candidates/",
    "/accounts/api-token/",
    "/portaal/ideeen/",
    "/portaal/sessies/",
    "/portaal/correctieverzoeken/",
]


def test_a_candidate_account_has_no_membership_and_sees_no_candidate(portal: Portal) -> None:
    user = portal.own.account.user
    assert not Membership.objects.filter(user=user).exists()
    assert not visible_candidates(user).exists()


def test_professional_pages_answer_404_to_a_candidate(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    for path in PROFESSIONAL_PAGES:
        assert client.get(path).status_code == 404, path
    dossier = reverse("candidates:detail", kwargs={"candidate_id": portal.own.candidate.pk})
    assert client.get(dossier).status_code == 404


def test_the_home_page_sends_a_candidate_to_the_portal(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("panel:home")
    assert client.get(reverse("panel:home")).status_code == 200


def test_a_candidate_can_still_log_out_and_change_language(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    assert client.post(reverse("set_language"), {"language": "en"}).status_code == 302
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert client.get(reverse("panel:home")).status_code == 302  # to the login page now


def test_a_professional_cannot_become_a_candidate_account(portal: Portal) -> None:
    from django.core.exceptions import ValidationError

    from tests.candidates.factories import CandidateFactory

    with pytest.raises(ValidationError):
        candidate_account_create(
            user=portal.werkse_professional, candidate=CandidateFactory(), origin="demo"
        )


def test_professional_pages_stay_open_to_professionals(portal: Portal) -> None:
    client = portal.client_for(portal.werkse_professional)
    assert client.get(reverse("core:home")).status_code == 200
    assert client.get("/organisaties/").status_code == 200
