"""`werkpad notify-candidates` mails a candidate about a new proposal, a new action and a
consent about to end, once each, unless the candidate switched that kind off."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.candidates.factories import ConsentFactory
from tests.offers.factories import MatchFactory, OfferFactory
from tests.panel.conftest import Portal
from werkpad.offers.models import Match
from werkpad.panel.models import CandidateAccount
from werkpad.privacy.models import Consent, ProcessingLogEntry

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("notify_candidates", *args, stdout=out)
    return out.getvalue()


def only_new_proposal(portal: Portal) -> Match:
    """Everything in the fixture predates the accounts; then one new proposal for `own`."""
    CandidateAccount.objects.update(created_at=timezone.now())
    Consent.objects.update(expires_on=None)
    return MatchFactory(
        candidate=portal.own.candidate, offer=OfferFactory(organisation=portal.werkse)
    )


def test_a_new_proposal_is_mailed_once(portal: Portal) -> None:
    only_new_proposal(portal)
    assert "Sent 1 e-mails to candidates about 1 new things." in run()
    message = mail.outbox[0]
    assert message.to == [portal.own.account.user.email]
    assert "1 nieuw voorstel" in message.body
    assert "Aanbod" not in message.body and "Werkse" not in message.body  # no details by e-mail
    assert reverse("panel:notifications") in message.body
    assert ProcessingLogEntry.objects.filter(
        candidate_id=portal.own.candidate.pk, activity="candidate_notification"
    ).exists()
    run()
    assert len(mail.outbox) == 1


def test_a_switched_off_kind_is_not_mailed(portal: Portal) -> None:
    only_new_proposal(portal)
    client = portal.client_for(portal.own.account.user)
    preference = portal.own.account.notification_preference
    response = client.post(
        reverse("panel:notifications"),
        {"new_action": "on", "consent_expiring": "on", "version": preference.version},
    )
    assert response.status_code == 302
    assert "Sent 0 e-mails" in run()
    assert not mail.outbox


def test_new_actions_and_expiring_consents(portal: Portal) -> None:
    CandidateAccount.objects.update(created_at=timezone.now() - dt.timedelta(days=365 * 10))
    Consent.objects.update(expires_on=None)
    ConsentFactory(
        candidate=portal.other.candidate,
        organisation=portal.werkse,
        purpose="debt_help",
        expires_on=timezone.localdate() + dt.timedelta(days=7),
    )
    run()
    by_recipient = {m.to[0]: m.body for m in mail.outbox}
    other = by_recipient[portal.other.account.user.email]
    assert "1 toestemming die binnenkort afloopt" in other
    assert "2 nieuwe acties of stappen in uw plan" in other  # a plan step and a Zeg JA action


def test_a_dry_run_sends_nothing(portal: Portal) -> None:
    only_new_proposal(portal)
    output = run("--dry-run")
    assert f"{portal.own.account.user.email}: 1" in output
    assert not mail.outbox
