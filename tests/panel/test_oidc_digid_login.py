"""DigiD through the municipality's OpenID Connect broker (mozilla-django-oidc): a verified BSN
claim logs the candidate into their own account, made on first login; anyone else is refused.

The package's own login path runs (`CandidateOIDCBackend.authenticate`); only its calls to the
broker (token, ID-token check, userinfo) are replaced."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest.mock import patch
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import checks
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import NoReverseMatch, clear_url_caches, reverse

from tests.candidates.factories import CandidateFactory
from tests.panel.factories import CandidateAccountFactory
from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.organisations.models import Membership
from werkpad.panel.models import CandidateAccount
from werkpad.panel.oidc import CandidateOIDCBackend, check_oidc_settings
from werkpad.privacy.models import ProcessingLogEntry

pytestmark = pytest.mark.django_db

BROKER = "https://broker.example.nl/oidc"
OIDC_ON = {
    "OIDC_ENABLED": True,
    "OIDC_RP_CLIENT_ID": "werkpad-delft",
    "OIDC_RP_CLIENT_SECRET": "test-only-secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{BROKER}/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": f"{BROKER}/token",
    "OIDC_OP_USER_ENDPOINT": f"{BROKER}/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": f"{BROKER}/jwks",
    "AUTHENTICATION_BACKENDS": [
        "django.contrib.auth.backends.ModelBackend",
        "werkpad.panel.oidc.CandidateOIDCBackend",
    ],
}


def reload_urls() -> None:
    """The portal includes the DigiD URLs only when OIDC is on, decided when the URLs load."""
    import werkpad.config.urls
    import werkpad.panel.urls

    importlib.reload(werkpad.panel.urls)
    importlib.reload(werkpad.config.urls)
    clear_url_caches()


@pytest.fixture
def oidc_on() -> Iterator[None]:
    with override_settings(**OIDC_ON):
        reload_urls()
        yield
    reload_urls()


@contextmanager
def broker_answers(claims: dict[str, Any]) -> Iterator[None]:
    """The broker's part: a token, a valid ID token, and userinfo with these claims."""
    with (
        patch.object(CandidateOIDCBackend, "get_token", return_value={"id_token": "i"}),
        patch.object(CandidateOIDCBackend, "verify_token", return_value={"sub": "pseudonym"}),
        patch.object(CandidateOIDCBackend, "get_userinfo", return_value=claims),
    ):
        yield


def log_in_with_digid(claims: dict[str, Any]) -> User | None:
    """The backend's login path after the broker sent the person back with a code."""
    request = RequestFactory().get("/portaal/digid/callback/", {"code": "c0de", "state": "st8"})
    request.session = {}  # type: ignore[assignment]
    with broker_answers(claims):
        user: User | None = CandidateOIDCBackend().authenticate(request, nonce="n0nce")
    return user


def back_from_digid(client: Client, claims: dict[str, Any]) -> HttpResponse:
    """Click "Inloggen met DigiD", log in at the broker, and come back to the callback."""
    start = client.get("/portaal/digid/authenticate/")
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    with broker_answers(claims):
        response: HttpResponse = client.get(
            "/portaal/digid/callback/", {"code": "c0de", "state": state}
        )
    return response


def account_logs(candidate: Candidate) -> list[str]:
    return list(
        ProcessingLogEntry.objects.filter(candidate_id=candidate.pk).values_list(
            "activity", flat=True
        )
    )


@pytest.mark.usefixtures("oidc_on")
def test_a_known_bsn_logs_in_to_the_candidates_own_account() -> None:
    account = CandidateAccountFactory()
    assert log_in_with_digid({"bsn": account.candidate.bsn}) == account.user


@pytest.mark.usefixtures("oidc_on")
def test_the_first_login_makes_a_logged_account_and_the_second_reuses_it() -> None:
    candidate = CandidateFactory()
    user = log_in_with_digid({"bsn": candidate.bsn})
    assert user is not None
    account = CandidateAccount.objects.get(user=user)
    assert (account.candidate, account.origin) == (candidate, "oidc")
    assert not user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()
    assert account_logs(candidate) == ["candidate_portal_account"]

    assert log_in_with_digid({"bsn": candidate.bsn}) == user
    assert CandidateAccount.objects.filter(candidate=candidate).count() == 1
    assert account_logs(candidate) == ["candidate_portal_account"]


@pytest.mark.usefixtures("oidc_on")
def test_an_unknown_or_invalid_bsn_is_refused() -> None:
    CandidateFactory()
    for claims in ({"bsn": "123456782"}, {"bsn": "12345678"}, {"bsn": "abc"}, {}):
        assert log_in_with_digid(claims) is None
    assert not CandidateAccount.objects.exists()
    assert not User.objects.filter(email__endswith="@candidates.werkpad.invalid").exists()


@pytest.mark.usefixtures("oidc_on")
def test_a_switched_off_candidate_account_is_refused() -> None:
    account = CandidateAccountFactory(user__is_active=False)
    assert log_in_with_digid({"bsn": account.candidate.bsn}) is None
    assert CandidateAccount.objects.filter(candidate=account.candidate).count() == 1


@pytest.mark.usefixtures("oidc_on")
def test_the_claim_name_is_configurable() -> None:
    candidate = CandidateFactory()
    with override_settings(OIDC_BSN_CLAIM="urn:nl:bsn"):
        assert log_in_with_digid({"bsn": candidate.bsn}) is None
        assert log_in_with_digid({"urn:nl:bsn": candidate.bsn}) is not None


def test_claims_are_only_accepted_when_oidc_is_switched_on() -> None:
    candidate = CandidateFactory()
    with override_settings(**{**OIDC_ON, "OIDC_ENABLED": False}):
        assert not CandidateOIDCBackend().verify_claims({"bsn": candidate.bsn})


@pytest.mark.usefixtures("oidc_on")
def test_the_digid_urls_exist_when_switched_on(client: Client) -> None:
    assert reverse("panel:oidc_authentication_init") == "/portaal/digid/authenticate/"
    assert reverse("panel:oidc_authentication_callback") == "/portaal/digid/callback/"
    response = client.get("/portaal/digid/authenticate/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{BROKER}/authorize?")
    assert "client_id=werkpad-delft" in response["Location"]


def test_the_digid_urls_do_not_exist_when_switched_off(client: Client) -> None:
    with pytest.raises(NoReverseMatch):
        reverse("panel:oidc_authentication_init")
    assert client.get("/portaal/digid/authenticate/").status_code == 404


@pytest.mark.usefixtures("oidc_on")
def test_the_login_page_offers_digid_when_switched_on(
    client: Client, django_assert_max_num_queries: Any
) -> None:
    with django_assert_max_num_queries(2):
        response = client.get(reverse("panel:login"))
    assert b'href="/portaal/digid/authenticate/"' in response.content


def test_the_login_page_has_no_digid_button_when_switched_off(client: Client) -> None:
    response = client.get(reverse("panel:login"))
    assert response.status_code == 200
    assert b"/portaal/digid/" not in response.content


def test_switching_it_on_without_the_brokers_settings_is_reported() -> None:
    with override_settings(OIDC_ENABLED=True, OIDC_RP_CLIENT_SECRET=""):
        errors = check_oidc_settings(None)
    assert [e.id for e in errors] == ["werkpad.panel.E001"]
    assert all(isinstance(e, checks.Error) for e in errors)
    assert "OIDC_RP_CLIENT_SECRET" in errors[0].msg
    with override_settings(**OIDC_ON):
        assert check_oidc_settings(None) == []


@pytest.mark.usefixtures("oidc_on")
def test_a_candidate_back_from_digid_lands_in_their_portal(client: Client) -> None:
    account = CandidateAccountFactory()
    response = back_from_digid(client, {"bsn": account.candidate.bsn})
    assert response.status_code == 302
    portal = client.get(response["Location"], follow=True)
    assert portal.redirect_chain[-1][0] == reverse("panel:home")
    assert portal.status_code == 200
    assert portal.wsgi_request.user == account.user
    assert client.get(reverse("candidates:list")).status_code == 404  # still a candidate


@pytest.mark.usefixtures("oidc_on")
def test_a_refused_person_goes_back_to_the_portals_login_page(client: Client) -> None:
    response = back_from_digid(client, {"bsn": "123456782"})
    assert response["Location"] == reverse("panel:login")
    assert "_auth_user_id" not in client.session
