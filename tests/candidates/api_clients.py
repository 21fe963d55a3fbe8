"""Helpers for the dossier API tests: professionals of a team or partner with an API token."""

from __future__ import annotations

from typing import Any

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role

API = "/api/v1/candidates/"


def team_inkomen() -> Organisation:
    """The municipality's team with the legal basis (the factories' default lead)."""
    return OrganisationFactory(
        slug="team-inkomen",
        name="Team Inkomen",
        kind=OrganisationKind.MUNICIPALITY,
        has_legal_basis=True,
    )


def partner(slug: str = "werkse") -> Organisation:
    return OrganisationFactory(slug=slug, name=slug.title())


def member_of(organisation: Organisation, role: Role = Role.PROFESSIONAL) -> User:
    user = UserFactory()
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


def client_for(user: User) -> APIClient:
    """An API client authenticating with the user's token, as an outside tool would."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def url(candidate: Candidate | str, *parts: Any) -> str:
    """`/api/v1/candidates/{id}/` with the parts after it, e.g. url(c, "barriers", b.pk)."""
    candidate_id = candidate if isinstance(candidate, str) else candidate.pk
    return "".join([f"{API}{candidate_id}/", *(f"{part}/" for part in parts)])


def assert_error_shape(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert isinstance(body["detail"], str) and body["detail"]
    return body
