"""Acceptance: the candidate's log view shows who looked (organisation, when, why) but no
internal fields: no user, no e-mail address, no ids."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.panel.conftest import Portal
from werkpad.candidates.selectors import candidate_get
from werkpad.privacy.codes import purpose_label
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db


def test_the_log_shows_organisation_when_and_why_without_internal_fields(portal: Portal) -> None:
    own = portal.own
    view = candidate_get(user=portal.werkse_professional, candidate_id=own.candidate.pk)
    entry = ProcessingLogEntry.objects.filter(candidate_id=own.candidate.pk).first()
    assert entry is not None and entry.organisation == "werkse"

    client = portal.client_for(own.account.user)
    body = client.get(reverse("panel:log")).content.decode()
    assert "Werkse" in body  # who (the organisation's name)
    assert purpose_label(entry.purpose) in body  # why (the purpose, in words)
    assert "Bekeken" in body  # what
    assert timezone_day(entry) in body  # when
    for internal in (
        portal.werkse_professional.email,
        str(portal.werkse_professional.pk),
        str(own.candidate.pk),
        str(own.account.user.pk),
        own.account.user.email,
        "special",
        "candidate_dossier",
    ):
        assert internal not in body, internal
    assert view.access.organisation.slug == "werkse"


def timezone_day(entry: ProcessingLogEntry) -> str:
    from django.utils import timezone

    moment = timezone.localtime(entry.timestamp)
    return f"{moment.day}-{moment.month}-{moment.year}"


def test_the_candidates_own_visits_are_logged_and_can_be_hidden(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    client.get(reverse("panel:plan"))
    own_entries = ProcessingLogEntry.objects.filter(
        candidate_id=portal.own.candidate.pk, purpose="candidate_self", object_type="plangoal"
    )
    assert own_entries.count() == 1
    everything = client.get(reverse("panel:log"))
    assert "U zelf" in everything.content.decode()
    others_only = client.get(reverse("panel:log"), {"hide_own": "on"})
    assert "U zelf" not in others_only.content.decode()


def test_the_log_is_only_the_candidates_own(portal: Portal) -> None:
    candidate_get(user=portal.lead_professional, candidate_id=portal.other.candidate.pk)
    client = portal.client_for(portal.own.account.user)
    page = client.get(reverse("panel:log")).context["page"]
    assert all(row.who != "Team Inkomen" for row in page.object_list)
