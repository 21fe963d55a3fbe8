"""The demo loads the programme's partners and one user per role per partner (README)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from werkpad.accounts.models import User
from werkpad.accounts.services import ADMINISTRATORS_GROUP
from werkpad.demo.partners import DEMO_PASSWORD
from werkpad.demo.services import demo_partners_load, demo_users_load
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role

pytestmark = pytest.mark.django_db

DESIGN_SLUGS = {
    "team-inkomen", "sociaal-team", "wsp-delft", "werkse", "ggz-delfland", "ggz-doel-preventie",
    "stichting-perspektief", "015now", "ipse-de-bruggen", "delft-voor-elkaar", "stichting-stunt",
    "delft-support", "philadelphia", "leerwerkmakelaar", "fonteynenburg", "impegno",
    "de-firma-van-buiten", "lekker-bezig",
}  # fmt: skip


def load() -> int:
    return demo_users_load(organisations=demo_partners_load())


def test_the_partners_of_the_design_with_the_municipality_teams_legal_basis() -> None:
    load()

    assert set(Organisation.objects.values_list("slug", flat=True)) == DESIGN_SLUGS
    assert set(
        Organisation.objects.filter(has_legal_basis=True).values_list("slug", flat=True)
    ) == {"team-inkomen", "sociaal-team"}


def test_one_user_per_role_per_partner_named_as_in_the_readme() -> None:
    created = load()

    assert created == User.objects.count() == len(DESIGN_SLUGS) * len(Role)
    user = User.objects.get(email="programme-lead.wsp-delft@demo.werkpad.nl")
    assert user.check_password(DEMO_PASSWORD)
    assert list(user.memberships.values_list("organisation__slug", "role")) == [
        ("wsp-delft", "programme_lead")
    ]
    admin = User.objects.get(email="admin.werkse@demo.werkpad.nl")
    assert admin.is_staff
    assert admin.groups.filter(name=ADMINISTRATORS_GROUP).exists()


def test_loading_twice_adds_nothing() -> None:
    load()

    assert load() == 0
    assert Membership.objects.count() == len(DESIGN_SLUGS) * len(Role)


def test_a_demo_user_signs_in_without_a_code_in_demo_mode(client: Client, settings) -> None:
    settings.TWO_FACTOR_REQUIRED = False
    load()

    response = client.post(
        reverse("accounts:login"),
        {"username": "professional.werkse@demo.werkpad.nl", "password": DEMO_PASSWORD},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("core:home")
    assert "Werkse!" in response.content.decode()
