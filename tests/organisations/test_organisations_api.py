"""`/api/v1/organisations/`: every signed-in user reads, only administrators write."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import OrganisationFactory, UserFactory
from werkpad.accounts.models import User
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import OrganisationKind, Role

pytestmark = pytest.mark.django_db

URL = "/api/v1/organisations/"


def with_token(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_anonymous_callers_get_401_in_the_error_shape(api_client: APIClient) -> None:
    OrganisationFactory()

    response = api_client.get(URL)

    assert response.status_code == 401
    assert set(response.json()) == {"detail", "errors"}


def test_a_wrong_token_is_refused(api_client: APIClient) -> None:
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    response = api_client.get(URL)

    assert response.status_code == 401


def test_any_professional_reads_with_a_token(professional: User) -> None:
    OrganisationFactory(slug="ggz-delfland", name="GGZ Delfland", kind=OrganisationKind.CARE)

    response = with_token(professional).get(URL)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 2
    assert body["results"] == [
        {"slug": "ggz-delfland", "name": "GGZ Delfland", "kind": "care"},
        {"slug": "werkse", "name": "Werkse!", "kind": "work_training"},
    ]


def test_a_user_without_any_role_still_reads(api_client: APIClient) -> None:
    api_client.force_authenticate(UserFactory())

    assert api_client.get(URL).status_code == 200


def test_session_login_works_for_the_api(signed_in_client, organisation: Organisation) -> None:
    response = signed_in_client.get(f"{URL}werkse/")

    assert response.status_code == 200
    assert response.json() == {"slug": "werkse", "name": "Werkse!", "kind": "work_training"}


def test_lists_are_paginated(professional: User) -> None:
    OrganisationFactory.create_batch(30)
    client = with_token(professional)

    first = client.get(URL).json()
    second = client.get(first["next"]).json()
    small = client.get(URL, {"page_size": 5}).json()

    assert first["count"] == 31
    assert len(first["results"]) == 25
    assert first["previous"] is None
    assert len(second["results"]) == 6
    assert second["next"] is None
    assert second["previous"]
    assert len(small["results"]) == 5


def test_search_by_name(professional: User) -> None:
    OrganisationFactory(slug="lekker-bezig", name="Lekker Bezig")

    body = with_token(professional).get(URL, {"search": "bezig"}).json()

    assert [row["slug"] for row in body["results"]] == ["lekker-bezig"]


def test_an_unknown_slug_answers_404_in_the_error_shape(professional: User) -> None:
    response = with_token(professional).get(f"{URL}no-such-partner/")

    assert response.status_code == 404
    assert set(response.json()) == {"detail", "errors"}


@pytest.mark.parametrize("role", [role for role in Role if role != Role.ADMIN])
def test_only_administrators_write(
    user_with_role: Callable[..., User], organisation: Organisation, role: Role
) -> None:
    client = with_token(user_with_role(role, organisation))

    created = client.post(URL, {"slug": "nieuw", "name": "Nieuw", "kind": "care"}, format="json")
    changed = client.patch(f"{URL}werkse/", {"name": "Anders"}, format="json")
    deleted = client.delete(f"{URL}werkse/")

    assert (created.status_code, changed.status_code, deleted.status_code) == (403, 403, 403)
    assert set(created.json()) == {"detail", "errors"}
    assert list(Organisation.objects.values_list("slug", "name")) == [("werkse", "Werkse!")]


def test_an_administrator_creates_and_changes_an_organisation(administrator: User) -> None:
    client = with_token(administrator)

    created = client.post(
        URL, {"slug": "impegno", "name": "Impegno", "kind": "work_training"}, format="json"
    )
    changed = client.patch(f"{URL}impegno/", {"name": "Impegno Delft"}, format="json")

    assert created.status_code == 201
    assert created.json() == {"slug": "impegno", "name": "Impegno", "kind": "work_training"}
    assert changed.status_code == 200
    assert Organisation.objects.get(slug="impegno").name == "Impegno Delft"


def test_a_superuser_without_a_membership_writes(api_client: APIClient) -> None:
    api_client.force_authenticate(UserFactory(is_superuser=True, is_staff=True))

    response = api_client.post(URL, {"slug": "x", "name": "X", "kind": "care"}, format="json")

    assert response.status_code == 201


def test_invalid_input_answers_400_with_errors_per_field(
    administrator: User, organisation: Organisation
) -> None:
    response = with_token(administrator).post(
        URL, {"slug": "werkse", "name": "", "kind": "castle"}, format="json"
    )

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert set(body["errors"]) == {"slug", "name", "kind"}
    assert all(
        isinstance(message, str) for messages in body["errors"].values() for message in messages
    )


def test_an_organisation_with_members_cannot_be_deleted(
    administrator: User, user_with_role: Callable[..., User]
) -> None:
    other = OrganisationFactory(slug="philadelphia")
    user_with_role(Role.PROFESSIONAL, other)

    response = with_token(administrator).delete(f"{URL}philadelphia/")

    assert response.status_code == 409
    assert set(response.json()) == {"detail", "errors"}
    assert Organisation.objects.filter(slug="philadelphia").exists()
