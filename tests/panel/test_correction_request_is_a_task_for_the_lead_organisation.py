"""Asking for a correction in the portal creates a task for the candidate's lead organisation;
its professionals handle it, and the candidate reads the answer in the portal."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.panel.conftest import Portal
from werkpad.panel.models import CorrectionRequest
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def test_the_request_reaches_the_lead_organisation_and_the_answer_the_candidate(
    portal: Portal,
) -> None:
    candidate_client = portal.client_for(portal.own.account.user)
    empty = candidate_client.post(reverse("panel:corrections"), {})
    assert empty.status_code == 400
    assert "Schrijf wat er niet klopt." in empty.content.decode()
    response = candidate_client.post(
        reverse("panel:corrections"),
        {"subject": "personal", "description": "Mijn telefoonnummer is 06-12345678"},
    )
    assert response.status_code == 302
    request = CorrectionRequest.objects.exclude(pk=portal.own.correction.pk).get(
        candidate=portal.own.candidate
    )
    assert request.organisation == portal.lead

    lead_client = portal.client_for(portal.lead_professional)
    listing = lead_client.get(reverse("panel:correction-requests"))
    assert request in listing.context["page"].object_list
    detail_url = reverse("panel:correction-request", kwargs={"request_id": request.pk})
    assert "06-12345678" in lead_client.get(detail_url).content.decode()

    no_answer = lead_client.post(detail_url, {"status": "done", "version": request.version})
    assert no_answer.status_code == 400
    done = lead_client.post(
        detail_url,
        {"status": "done", "answer": "Aangepast in uw dossier.", "version": request.version},
    )
    assert done.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.handled_by) == ("done", portal.lead_professional)

    page = candidate_client.get(reverse("panel:corrections")).content.decode()
    assert "Aangepast in uw dossier." in page
    assert ProcessingLogEntry.objects.filter(
        object_id=str(request.pk), organisation="team-inkomen", action="update"
    ).exists()


def test_other_organisations_do_not_see_the_request(portal: Portal) -> None:
    werkse = portal.client_for(portal.werkse_professional)
    assert not werkse.get(reverse("panel:correction-requests")).context["page"].object_list
    url = reverse("panel:correction-request", kwargs={"request_id": portal.own.correction.pk})
    assert werkse.get(url).status_code == 404


def test_the_list_logs_every_candidate_shown(portal: Portal) -> None:
    portal.client_for(portal.lead_professional).get(reverse("panel:correction-requests"))
    for file in (portal.own, portal.other):
        assert ProcessingLogEntry.objects.filter(
            candidate_id=file.candidate.pk, action="list", activity="correction_request"
        ).exists()
