"""Candidates opt in to the panel (and out); the programme lead plans sessions with invited
members; members see the coming sessions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.panel.conftest import Portal
from werkpad.panel.models import PanelMember, PanelSession

pytestmark = pytest.mark.django_db


def test_joining_and_leaving_the_panel(portal: Portal) -> None:
    PanelMember.objects.filter(candidate=portal.own.candidate).delete()
    client = portal.client_for(portal.own.account.user)
    assert client.post(reverse("panel:panel-join")).status_code == 302
    member = PanelMember.objects.get(candidate=portal.own.candidate)
    assert member.is_active
    assert "U bent lid" in client.get(reverse("panel:my-panel")).content.decode()

    portal.session.invitees.add(member)
    confirm = client.get(reverse("panel:panel-leave"))
    assert "Ja, ik stop" in confirm.content.decode()
    assert client.post(reverse("panel:panel-leave")).status_code == 302
    member.refresh_from_db()
    assert not member.is_active
    assert not portal.session.invitees.filter(pk=member.pk).exists()
    assert client.post(reverse("panel:panel-join")).status_code == 302
    member.refresh_from_db()
    assert member.is_active


def test_the_programme_lead_plans_a_session(portal: Portal) -> None:
    lead = portal.client_for(portal.programme_lead)
    members = list(PanelMember.objects.all())
    day = timezone.localdate() + dt.timedelta(days=21)
    response = lead.post(
        reverse("panel:session-create"),
        {
            "held_on": day.isoformat(),
            "topic": "Reizen naar werk",
            "location": "Bibliotheek DOK",
            "invitees": [members[0].pk],
            "notes": "",
        },
    )
    assert response.status_code == 302
    session = PanelSession.objects.get(topic="Reizen naar werk")
    assert list(session.invitees.all()) == [members[0]]

    idea = lead.post(
        reverse("panel:session-idea", kwargs={"session_id": session.pk}),
        {"text": "Een ov-kaart voor de eerste maand"},
    )
    assert idea.status_code == 302
    assert session.ideas.get().source == "session"

    invited = members[0].candidate.portal_account.user
    body = portal.client_for(invited).get(reverse("panel:my-panel")).content.decode()
    assert "Reizen naar werk" in body and "U bent uitgenodigd" in body


def test_only_the_programme_lead_plans_sessions(portal: Portal) -> None:
    client = portal.client_for(portal.werkse_professional)
    assert client.get(reverse("panel:sessions")).status_code == 200
    assert client.get(reverse("panel:session-create")).status_code == 403
    assert client.post(reverse("panel:session-create"), {"topic": "x"}).status_code == 403


def test_a_session_form_with_errors_keeps_the_input(portal: Portal) -> None:
    lead = portal.client_for(portal.programme_lead)
    response = lead.post(reverse("panel:session-create"), {"topic": "Reizen naar werk"})
    assert response.status_code == 400
    assert 'value="Reizen naar werk"' in response.content.decode()
