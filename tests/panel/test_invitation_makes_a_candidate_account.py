"""A professional invites a candidate they may see; the e-mailed link works once, for 7 days;
the candidate chooses a password and sets up the second factor, then lands in the portal."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.candidates.api_clients import member_of, partner, team_inkomen
from tests.candidates.factories import CandidateFactory
from tests.factories import UserFactory
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.organisations.models import Membership
from werkpad.panel.models import CandidateAccount, Invitation
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

PASSWORD = "Fietsen-langs-de-Schie-2025"


def invite_url(candidate: Candidate) -> str:
    return reverse("panel:invite", kwargs={"candidate_id": candidate.pk})


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def invite(candidate: Candidate, capture: Any, email: str = "fatima@example.nl") -> str:
    """Invite as the lead organisation's professional; the link from the e-mail (which is
    sent once the invitation is committed)."""
    professional = member_of(candidate.lead_organisation)
    with capture(execute=True):
        response = signed_in(professional).post(invite_url(candidate), {"email": email})
    assert response.status_code == 302, response.content.decode()
    link = re.search(r"http://testserver(/portaal/uitnodiging/\S+/)", mail.outbox[-1].body)
    assert link is not None
    return link.group(1)


def test_the_candidate_makes_an_account_and_lands_in_the_portal(
    django_capture_on_commit_callbacks,
) -> None:
    candidate = CandidateFactory(first_name="Fatima", lead_organisation=team_inkomen())
    link = invite(candidate, django_capture_on_commit_callbacks)
    assert mail.outbox[-1].to == ["fatima@example.nl"]
    assert "7" not in mail.outbox[-1].subject and "Fatima" in mail.outbox[-1].body
    invitation = Invitation.objects.get(candidate=candidate)
    assert link.split("/")[-2] not in invitation.token_hash  # only the hash is stored

    browser = Client()
    page = browser.get(link)
    assert page.status_code == 200
    assert "fatima@example.nl" in page.content.decode()

    mismatch = browser.post(link, {"password": PASSWORD, "password_again": "iets-anders-123"})
    assert mismatch.status_code == 400
    assert "niet hetzelfde" in mismatch.content.decode()
    weak = browser.post(link, {"password": "kort", "password_again": "kort"})
    assert weak.status_code == 400

    chosen = browser.post(link, {"password": PASSWORD, "password_again": PASSWORD})
    assert chosen.status_code == 302
    assert chosen["Location"] == reverse("accounts:otp-setup")

    account = CandidateAccount.objects.get(candidate=candidate)
    assert account.user.email == "fatima@example.nl"
    assert account.user.check_password(PASSWORD)
    assert not Membership.objects.filter(user=account.user).exists()

    # The second factor, with the accounts app's own setup page; then the portal.
    setup = browser.get(reverse("accounts:otp-setup"))
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=account.user, confirmed=False)
    code = f"{TOTP(device.bin_key).token():06d}"
    done = browser.post(reverse("accounts:otp-setup"), {"token": code})
    assert done.status_code == 302
    assert done["Location"] == reverse("panel:home")
    assert "Fatima" in browser.get(reverse("panel:home")).content.decode()

    logged = ProcessingLogEntry.objects.filter(
        candidate_id=candidate.pk, activity="candidate_portal_account", action="create"
    )
    assert sorted(logged.values_list("object_type", flat=True)) == [
        "candidateaccount",
        "invitation",
    ]


def test_a_link_works_only_once(django_capture_on_commit_callbacks) -> None:
    candidate = CandidateFactory(lead_organisation=team_inkomen())
    link = invite(candidate, django_capture_on_commit_callbacks)
    Client().post(link, {"password": PASSWORD, "password_again": PASSWORD})
    again = Client().get(link)
    assert again.status_code == 404
    assert "werkt niet" in again.content.decode()
    assert (
        Client().post(link, {"password": PASSWORD, "password_again": PASSWORD}).status_code == 404
    )
    assert CandidateAccount.objects.filter(candidate=candidate).count() == 1


def test_a_link_expires_after_seven_days(django_capture_on_commit_callbacks) -> None:
    candidate = CandidateFactory(lead_organisation=team_inkomen())
    link = invite(candidate, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get(candidate=candidate)
    valid_for = invitation.expires_at - invitation.created_at
    assert abs(valid_for - dt.timedelta(days=7)) < dt.timedelta(seconds=1)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(seconds=1)
    )
    assert Client().get(link).status_code == 404
    assert not CandidateAccount.objects.exists()


def test_a_new_invitation_replaces_the_open_one(django_capture_on_commit_callbacks) -> None:
    candidate = CandidateFactory(lead_organisation=team_inkomen())
    first = invite(candidate, django_capture_on_commit_callbacks)
    second = invite(candidate, django_capture_on_commit_callbacks, "fatima.nieuw@example.nl")
    assert Client().get(first).status_code == 404
    assert Client().get(second).status_code == 200


def test_only_a_professional_who_sees_the_candidate_can_invite() -> None:
    candidate = CandidateFactory(lead_organisation=team_inkomen())
    outsider = member_of(partner("werkse"))
    response = signed_in(outsider).post(invite_url(candidate), {"email": "x@example.nl"})
    assert response.status_code == 404
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_an_address_of_an_existing_account_is_refused() -> None:
    candidate = CandidateFactory(lead_organisation=team_inkomen())
    taken = UserFactory(email="bezet@example.nl")
    professional = member_of(candidate.lead_organisation)
    response = signed_in(professional).post(invite_url(candidate), {"email": taken.email})
    assert response.status_code == 400
    assert "hoort al bij een account" in response.content.decode()
    assert not Invitation.objects.exists()


def test_a_logged_in_user_cannot_use_an_invitation(django_capture_on_commit_callbacks) -> None:
    candidate = CandidateFactory(lead_organisation=team_inkomen())
    link = invite(candidate, django_capture_on_commit_callbacks)
    professional = member_of(candidate.lead_organisation)
    assert signed_in(professional).get(link).status_code == 404
