"""Erasing a candidate (AVG art. 17) also removes their portal account and invitations, blanks
their correction requests and detaches their ideas (which stay, without a name)."""

from __future__ import annotations

import pytest

from tests.panel.conftest import Portal
from werkpad.accounts.models import User
from werkpad.panel.models import CandidateAccount, CorrectionRequest, Idea, PanelMember
from werkpad.privacy.avg import candidate_erase

pytestmark = pytest.mark.django_db


def test_erasure_removes_the_account_and_keeps_the_idea_without_a_name(portal: Portal) -> None:
    own = portal.own
    user_id = own.account.user.pk
    candidate_erase(
        acting_user=portal.lead_professional, candidate=own.candidate, reason="avg17_request"
    )
    assert not CandidateAccount.objects.filter(candidate=own.candidate).exists()
    assert not User.objects.filter(pk=user_id).exists()
    assert CorrectionRequest.objects.get(pk=own.correction.pk).description == ""
    idea = Idea.objects.get(pk=own.idea.pk)
    assert idea.author is None and idea.text
    assert not PanelMember.objects.filter(candidate=own.candidate).exists()
