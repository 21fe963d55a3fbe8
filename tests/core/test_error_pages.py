"""Error pages speak plain Dutch and tell the user what to do next."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.views import defaults

pytestmark = pytest.mark.django_db


def test_an_unknown_page_says_so_in_dutch(signed_in_client: Client) -> None:
    response = signed_in_client.get("/bestaat-niet/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Pagina niet gevonden" in page
    assert "Naar de startpagina" in page


def test_an_unknown_api_address_answers_in_the_json_error_shape(
    signed_in_client: Client,
) -> None:
    response = signed_in_client.get("/api/v1/bestaat-niet/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Niet gevonden.", "errors": {}}


def test_a_server_error_page_renders_without_a_request() -> None:
    response = defaults.server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_an_expired_form_explains_what_to_do() -> None:
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/inloggen/", {"username": "a@b.nl", "password": "x"})

    assert response.status_code == 403
    page = response.content.decode()
    assert "Deze pagina is verlopen" in page
    assert "laad de pagina opnieuw" in page
