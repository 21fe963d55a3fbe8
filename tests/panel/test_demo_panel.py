"""The demo's candidate accounts (known login), panel members, sessions and answered ideas."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.offers.factories import OfferFactory
from werkpad.demo.panel_demo import demo_candidate_email, demo_panel_load
from werkpad.demo.partners import DEMO_PASSWORD
from werkpad.demo.services import demo_partners_load, demo_population_load, demo_users_load
from werkpad.offers.models import Match
from werkpad.organisations.models import Membership, Organisation
from werkpad.panel.models import CandidateAccount, Idea, PanelMember, PanelSession


@pytest.mark.django_db
def test_the_demo_loads_candidate_accounts_and_the_panel_once() -> None:
    demo_users_load(organisations=demo_partners_load())
    demo_population_load(candidates=300, seed=5)
    werkse = Organisation.objects.get(slug="werkse")
    for _ in range(30):
        OfferFactory(organisation=werkse, postcode="2613 AB", hours_min=0, ladder_min=1)

    assert demo_panel_load() == 3

    accounts = list(CandidateAccount.objects.select_related("user", "candidate"))
    assert sorted(a.user.email for a in accounts) == [demo_candidate_email(n) for n in (1, 2, 3)]
    assert not Membership.objects.filter(user__candidate_account__isnull=False).exists()
    first = CandidateAccount.objects.get(user__email=demo_candidate_email(1))
    assert first.candidate.plan_goals.exists() and first.candidate.barriers.exists()
    assert Match.objects.filter(candidate=first.candidate, status="proposed").exists()

    assert PanelMember.objects.count() >= 10
    assert PanelSession.objects.count() == 4
    answered = Idea.objects.exclude(public_answer="")
    assert answered.count() >= 6
    assert Idea.objects.filter(anonymous=True, author__isnull=True).count() == 2

    client = Client()
    login = client.post(
        reverse("accounts:login"),
        {"username": demo_candidate_email(1), "password": DEMO_PASSWORD},
    )
    assert login.status_code == 302  # demo mode off in tests: on to the second factor
    assert demo_panel_load() == 0
