"""A professional makes their own API token on a page; a new one replaces the old."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

URL = reverse("accounts:api-token")


def token_on(page: str) -> str:
    match = re.search(r'data-testid="api-token">([0-9a-f]{40})<', page)
    assert match, "the page shows the token"
    return match.group(1)


def works(token: str) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get("/api/v1/organisations/").status_code == 200


def test_the_page_explains_before_it_makes_a_token(signed_in_client: Client) -> None:
    page = signed_in_client.get(URL).content.decode()

    assert "API-token" in page
    assert 'data-testid="api-token"' not in page
    assert 'method="post"' in page


def test_a_new_token_works_and_replaces_the_old_one(signed_in_client: Client) -> None:
    first = token_on(signed_in_client.post(URL).content.decode())
    second = token_on(signed_in_client.post(URL).content.decode())

    assert works(second)
    assert not works(first)


def test_only_signed_in_users_make_tokens(client: Client) -> None:
    response = client.post(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
