"""Acceptance: an idea sent anonymously shows no name to anyone (Werkpad keeps no author for
it: no law requires one), and its answer reaches the panel page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.panel.conftest import Portal
from werkpad.panel.models import Idea
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

TEXT = "Een vaste contactpersoon die je appt als je ziek bent"


def send(portal: Portal, *, anonymous: bool) -> Idea:
    client = portal.client_for(portal.own.account.user)
    data = {"text": TEXT, **({"anonymous": "on"} if anonymous else {})}
    response = client.post(reverse("panel:idea-submit"), data)
    assert response.status_code == 302
    return Idea.objects.get(text=TEXT)


def test_an_anonymous_idea_keeps_no_trace_of_its_author(portal: Portal) -> None:
    before = ProcessingLogEntry.objects.filter(candidate_id=portal.own.candidate.pk).count()
    idea = send(portal, anonymous=True)
    assert idea.anonymous and idea.author is None
    # Its time is blurred to the day, so it cannot be matched to the portal's own log entries.
    assert timezone.localtime(idea.created_at).time() == dt.time(12)
    assert idea.updated_at == idea.created_at
    assert ProcessingLogEntry.objects.filter(object_id=str(idea.pk)).count() == 0
    after = ProcessingLogEntry.objects.filter(candidate_id=portal.own.candidate.pk).count()
    assert after == before  # the sending itself is not recorded against the candidate


def test_nobody_sees_a_name_on_an_anonymous_idea_and_its_answer_reaches_the_panel(
    portal: Portal,
) -> None:
    idea = send(portal, anonymous=True)
    lead = portal.client_for(portal.programme_lead)
    answer = "We hebben in elk team een vast aanspreekpunt voor ziekmeldingen aangewezen."
    response = lead.post(
        reverse("panel:idea", kwargs={"idea_id": idea.pk}),
        {"status": "adopted", "public_answer": answer, "version": idea.version},
    )
    assert response.status_code == 302

    name = portal.own.candidate.first_name
    for user in (portal.programme_lead, portal.lead_professional, portal.other.account.user):
        url = reverse("panel:my-panel" if user == portal.other.account.user else "panel:ideas")
        body = portal.client_for(user).get(url).content.decode()
        assert TEXT in body and answer in body, user.email
        block = body[body.index(TEXT) : body.index(answer)]
        assert name not in block, f"{user.email} sees a name on an anonymous idea"
        assert "Zonder naam gestuurd" in block


def test_a_named_idea_shows_the_first_name_and_logs_who_saw_it(portal: Portal) -> None:
    idea = send(portal, anonymous=False)
    assert idea.author == portal.own.candidate
    body = portal.client_for(portal.other.account.user).get(reverse("panel:my-panel"))
    assert f"Van {portal.own.candidate.first_name}" in body.content.decode()
    shown = ProcessingLogEntry.objects.filter(
        candidate_id=portal.own.candidate.pk, object_id=str(idea.pk), action="list"
    ).get()
    assert shown.purpose == "candidate_panel"


def test_an_anonymous_idea_is_not_in_my_own_ideas(portal: Portal) -> None:
    send(portal, anonymous=True)
    own = portal.client_for(portal.own.account.user).get(reverse("panel:my-panel"))
    assert [i.text for i in own.context["own_ideas"]] == [portal.own.idea.text]


def test_only_members_see_all_ideas(portal: Portal) -> None:
    from werkpad.panel.models import PanelMember

    PanelMember.objects.filter(candidate=portal.own.candidate).delete()
    body = portal.client_for(portal.own.account.user).get(reverse("panel:my-panel"))
    assert portal.other.idea.text not in body.content.decode()
    assert "Ja, ik doe mee" in body.content.decode()
