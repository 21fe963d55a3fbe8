"""The home page shows the signed-in professional their organisations, roles and next steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from werkpad.accounts.models import User
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role

pytestmark = pytest.mark.django_db

HOME = reverse("core:home")


def test_a_visitor_is_welcomed_in_dutch_with_the_ways_in(client: Client) -> None:
    response = client.get(HOME)

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in html
    assert "Werkpad: samen naar werk" in html
    for url, text in (
        (reverse("accounts:login"), "Inloggen als professional"),
        (reverse("panel:login"), "Inloggen in je eigen dossier"),
        (reverse("offers:interest"), "Belangstelling als werkgever?"),
    ):
        assert f'href="{url}">{text}</a>' in html


def test_shows_every_organisation_and_role_in_dutch(client: Client) -> None:
    user = UserFactory(full_name="Fatima El Amrani")
    werkse = OrganisationFactory(slug="werkse", name="Werkse!")
    wsp = OrganisationFactory(
        slug="wsp-delft", name="Werkgeversservicepunt Delft", kind=OrganisationKind.EMPLOYER_SERVICE
    )
    MembershipFactory(user=user, organisation=werkse, role=Role.PROFESSIONAL)
    MembershipFactory(user=user, organisation=wsp, role=Role.EMPLOYER_ADVISER)
    client.force_login(user)

    page = client.get(HOME).content.decode()

    assert "Welkom, Fatima" in page
    assert "Werkse!" in page and "Werkgeversservicepunt Delft" in page
    assert "Professional" in page
    assert "Werkgeversadviseur" in page


@pytest.mark.parametrize("legal_basis", [False, True], ids=["partner", "municipality team"])
@pytest.mark.parametrize("role", list(Role))
def test_every_task_offered_opens_for_that_user(
    client: Client, user_with_role: Callable[..., User], role: Role, legal_basis: bool
) -> None:
    organisation = OrganisationFactory(has_legal_basis=legal_basis)
    client.force_login(user_with_role(role, organisation))

    response = client.get(HOME)

    tasks = response.context["tasks"]
    assert reverse("organisations:list") in {reverse(task.url_name) for task in tasks}
    assert reverse("accounts:otp-setup") in response.content.decode()
    for task in tasks:
        assert client.get(reverse(task.url_name)).status_code == 200, task.url_name


def test_only_administrators_see_the_management_pages(
    client: Client, user_with_role: Callable[..., User], organisation: Organisation
) -> None:
    client.force_login(user_with_role(Role.PROFESSIONAL, organisation))
    assert reverse("admin:index") not in client.get(HOME).content.decode()

    administrator = user_with_role(Role.ADMIN, organisation)
    client.force_login(administrator)
    assert reverse("admin:index") not in client.get(HOME).content.decode(), "not staff (yet)"

    administrator.is_staff = True
    administrator.save()
    assert reverse("admin:index") in client.get(HOME).content.decode()


def test_a_user_without_an_organisation_is_told_whom_to_ask(client: Client) -> None:
    client.force_login(UserFactory())

    page = client.get(HOME).content.decode()

    assert "Vraag de beheerder van je organisatie" in page


def test_the_number_of_queries_does_not_grow_with_the_memberships(
    client: Client, django_assert_max_num_queries: Callable[..., Any]
) -> None:
    def queries_for_home(user: User) -> int:
        client.force_login(user)
        # session, user, memberships, roles for the menu, may import (2), saving the session (3)
        with django_assert_max_num_queries(9) as captured:
            response = client.get(HOME)
        assert response.status_code == 200
        return len(captured)

    one = MembershipFactory().user
    many = UserFactory()
    for role in Role:
        MembershipFactory(user=many, role=role)

    assert queries_for_home(many) == queries_for_home(one)
