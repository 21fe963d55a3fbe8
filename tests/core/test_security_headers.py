"""Every answer carries the security headers: CSP, no framing, no content sniffing."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = [
    "/accounts/inloggen/",
    "/",
    "/organisaties/",
    "/accounts/wachtwoord-vergeten/",
    "/api/v1/organisations/",
    "/api/docs/",
    "/healthz",
    "/does-not-exist/",
    "/organisaties/?q=%00",
]


def directives(header: str) -> dict[str, set[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: set(values) for name, *values in parts}


@pytest.mark.parametrize("path", PAGES)
def test_each_answer_has_the_security_headers(signed_in_client: Client, path: str) -> None:
    response = signed_in_client.get(path)

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    csp = directives(response["Content-Security-Policy"])
    assert csp["default-src"] == {"'self'"}
    assert csp["frame-ancestors"] == {"'none'"}
    assert csp["object-src"] == {"'none'"}


def test_the_policy_allows_no_inline_or_foreign_scripts(client: Client) -> None:
    csp = directives(client.get("/accounts/inloggen/")["Content-Security-Policy"])

    assert csp["script-src"] == {"'self'"}
    assert csp["style-src"] == {"'self'"}
    assert csp["form-action"] == {"'self'"}


@pytest.mark.parametrize("path", ["/", "/organisaties/", "/accounts/tweestapsverificatie/"])
def test_pages_hold_no_inline_script_or_style_the_policy_would_block(
    signed_in_client: Client, path: str
) -> None:
    page = signed_in_client.get(path).content.decode()

    assert "<script>" not in page
    assert " style=" not in page
    assert "<style" not in page
    assert " onclick=" not in page


def test_the_lockout_page_also_has_the_headers(client: Client) -> None:
    for _ in range(5):
        response = client.post("/accounts/inloggen/", {"username": "a@b.nl", "password": "x"})

    assert response.status_code == 429
    assert response["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in response
