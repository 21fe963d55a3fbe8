"""No form and no API endpoint answers 500 to bad input: empty, too long, the wrong type, the
wrong content type, malformed JSON or characters no database takes. The caller gets a 4xx (or,
for a page with a form, the form again with the error shown)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.test import APIClient

from tests.factories import PASSWORD, TOTPDeviceFactory
from werkpad.accounts.models import User

pytestmark = pytest.mark.django_db

LONG = "x" * 10_000
NUL = "a\x00b"


@dataclass(frozen=True)
class Form:
    name: str
    session: str  # "anonymous", "password given" or "signed in"
    url: Callable[[Client, User], str]
    fields: tuple[str, ...]


def fixed(url_name: str) -> Callable[[Client, User], str]:
    return lambda client, user: reverse(url_name)


def reset_link(client: Client, user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    response = client.get(reverse("accounts:password-reset-confirm", args=[uid, token]))
    return response["Location"]  # Django swaps the token for a session marker


FORMS = [
    Form("login", "anonymous", fixed("accounts:login"), ("username", "password")),
    Form("code", "password given", fixed("accounts:otp-verify"), ("token",)),
    Form("setup during login", "password given", fixed("accounts:otp-setup"), ("token",)),
    Form("setup", "signed in", fixed("accounts:otp-setup"), ("token",)),
    Form("password reset", "anonymous", fixed("accounts:password-reset"), ("email",)),
    Form("new password", "anonymous", reset_link, ("new_password1", "new_password2")),
    Form(
        "password change",
        "signed in",
        fixed("accounts:password-change"),
        ("old_password", "new_password1", "new_password2"),
    ),
]


def bad_form_posts(fields: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Keyword arguments for `client.post`, one set per kind of bad input."""
    return {
        "empty": {"data": {}},
        "blank": {"data": dict.fromkeys(fields, "")},
        "too long": {"data": dict.fromkeys(fields, LONG)},
        "nul character": {"data": dict.fromkeys(fields, NUL)},
        "several values": {"data": {field: ["1", "2"] for field in fields}},
        "a file": {"data": {field: SimpleUploadedFile("x.txt", b"123456") for field in fields}},
        "json": {"data": json.dumps(dict.fromkeys(fields, 1)), "content_type": "application/json"},
        "malformed json": {"data": "{", "content_type": "application/json"},
        "plain text": {"data": "hello", "content_type": "text/plain"},
        "broken multipart": {
            "data": "--x\r\ngarbage",
            "content_type": "multipart/form-data; boundary=x",
        },
        "multipart without boundary": {"data": "x", "content_type": "multipart/form-data"},
    }


@pytest.fixture
def user() -> User:
    return TOTPDeviceFactory().user


def start_session(client: Client, user: User, session: str) -> None:
    if session == "password given":
        client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    elif session == "signed in":
        client.force_login(user)


def assert_refused_kindly(response: Any) -> None:
    assert response.status_code < 500
    if response.status_code == 200:
        page = response.content.decode()
        assert 'aria-invalid="true"' in page or 'role="alert"' in page, "the error is shown"


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.name)
@pytest.mark.parametrize("kind", list(bad_form_posts(("x",))))
def test_forms_refuse_bad_input_without_a_server_error(
    client: Client, user: User, form: Form, kind: str
) -> None:
    start_session(client, user, form.session)
    url = form.url(client, user)

    response = client.post(url, **bad_form_posts(form.fields)[kind])

    assert_refused_kindly(response)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"language": ""},
        {"language": LONG},
        {"language": NUL},
        {"language": "xx"},
        {"language": "en", "next": NUL},
        {"language": "en", "next": "https://evil.example/"},
        {"language": ["en", "nl"]},
    ],
    ids=["empty", "blank", "too long", "nul", "unknown", "nul next", "other site", "several"],
)
def test_the_language_switch_ignores_bad_input(client: Client, data: dict[str, Any]) -> None:
    response = client.post(reverse("set_language"), data)

    assert response.status_code in (302, 400)
    assert "evil.example" not in response.get("Location", "")


@pytest.mark.parametrize(
    "url",
    [
        "/organisaties/?q=" + LONG,
        "/organisaties/?q=%00",
        "/organisaties/?q%00=1",
        "/organisaties/?page=abc",
        "/organisaties/?page=-1",
        "/organisaties/?page=99999999999999999999999",
        "/organisaties/?q=a&q=b&page=1&page=2",
        "/?next=%00",
        "/organisaties/%00/",
        "/accounts/wachtwoord-herstellen/%00/x/",
        "/accounts/wachtwoord-herstellen/!!!/???/",
        "/accounts/wachtwoord-herstellen/" + "A" * 5000 + "/x/",
        "/accounts/inloggen/?next=%00",
        "/accounts/inloggen/?next=" + LONG,
        "/healthz?x=%00",
        "/api/schema/?lang=zz&format=nonsense",
        "/api/docs/?x=%00",
        "/admin/?q=%00",
    ],
)
def test_pages_refuse_bad_addresses_without_a_server_error(
    client: Client, user: User, url: str
) -> None:
    client.force_login(user)

    assert client.get(url).status_code < 500
    assert client.get(url, headers={"HX-Request": "true"}).status_code < 500


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/inloggen/code/",
        "/accounts/tweestapsverificatie/",
        "/accounts/api-token/",
        "/accounts/uitloggen/",
        "/organisaties/",
        "/healthz",
    ],
)
def test_unexpected_methods_get_a_4xx(client: Client, user: User, url: str) -> None:
    client.force_login(user)

    for method in ("put", "patch", "delete"):
        assert getattr(client, method)(url, data="junk").status_code < 500


API_BODIES: dict[str, tuple[bytes | str, str]] = {
    "empty body": (b"", "application/json"),
    "malformed json": (b'{"slug": ', "application/json"),
    "a list": (b"[]", "application/json"),
    "a string": (b'"werkse"', "application/json"),
    "null": (b"null", "application/json"),
    "a number": (b"12", "application/json"),
    "nested too deep": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
    "not utf-8": (b'{"name": "\xff\xfe"}', "application/json"),
    "a number too long to read": (b'{"name": ' + b"9" * 5000 + b"}", "application/json"),
    "wrong types": (
        json.dumps({"slug": 12, "name": ["x"], "kind": {"a": 1}}).encode(),
        "application/json",
    ),
    "nulls": (json.dumps({"slug": None, "name": None, "kind": None}).encode(), "application/json"),
    "too long": (
        json.dumps({"slug": LONG, "name": LONG, "kind": LONG}).encode(),
        "application/json",
    ),
    "nul characters": (
        json.dumps({"slug": NUL, "name": NUL, "kind": NUL}).encode(),
        "application/json",
    ),
    "unknown kind": (
        json.dumps({"slug": "x", "name": "X", "kind": "castle"}).encode(),
        "application/json",
    ),
    "plain text": (b"slug=x", "text/plain"),
    "a form": (b"slug=x&name=X&kind=care", "application/x-www-form-urlencoded"),
    "xml": (b"<organisation/>", "application/xml"),
    "binary": (b"{}", "application/octet-stream"),
}


@pytest.fixture
def admin_api(administrator: User) -> APIClient:
    client = APIClient()
    client.force_authenticate(administrator)
    return client


WRITES = [
    (method, url, body)
    for method, url in [
        ("post", "/api/v1/organisations/"),
        ("put", "/api/v1/organisations/werkse/"),
        ("patch", "/api/v1/organisations/werkse/"),
    ]
    for body in API_BODIES
    if (method, body) != ("patch", "empty body")  # a PATCH that changes nothing is fine
]


@pytest.mark.parametrize(("method", "url", "body"), WRITES)
def test_the_api_answers_bad_bodies_with_a_4xx_in_the_error_shape(
    admin_api: APIClient, method: str, url: str, body: str
) -> None:
    data, content_type = API_BODIES[body]

    response = getattr(admin_api, method)(url, data=data, content_type=content_type)

    assert 400 <= response.status_code < 500, response.content[:300]
    assert set(response.json()) == {"detail", "errors"}


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=0",
        "page=-1",
        "page=99999999999999999999999",
        "page_size=abc",
        "page_size=-1",
        "page_size=99999999999999999999999",
        "search=%00",
        "search=" + LONG,
        "search=a&search=b",
        "format=nonsense",
    ],
)
def test_the_api_answers_bad_queries_without_a_server_error(
    admin_api: APIClient, organisation: Any, query: str
) -> None:
    response = admin_api.get(f"/api/v1/organisations/?{query}")

    assert response.status_code < 500
    if response.status_code >= 400:
        assert set(response.json()) == {"detail", "errors"}


@pytest.mark.parametrize(
    "slug", ["%00", "a%00b", "x" * 5000, "%E2%80%AE", "..%2F..%2Fetc"], ids=str.__len__
)
def test_the_api_answers_odd_slugs_with_a_4xx(admin_api: APIClient, slug: str) -> None:
    for method in ("get", "put", "patch", "delete"):
        response = getattr(admin_api, method)(
            f"/api/v1/organisations/{slug}/", data={}, format="json"
        )
        assert 400 <= response.status_code < 500
        assert set(response.json()) == {"detail", "errors"}


@pytest.mark.parametrize(
    "header",
    ["Token", "Token ", "Token a b", "Token " + LONG, "Bearer x", "Token \u00e9\u00e9"],
)
def test_the_api_answers_bad_tokens_with_401(api_client: APIClient, header: str) -> None:
    api_client.credentials(HTTP_AUTHORIZATION=header)

    response = api_client.get("/api/v1/organisations/")

    assert response.status_code == 401
    assert set(response.json()) == {"detail", "errors"}
