"""OpenID Connect (DigiD through a broker): a verified BSN claim maps to the candidate by the
BSN hash, and to their own account; anyone else is refused. The package mozilla-django-oidc is
not installed, so the backend's hooks are tested directly."""

from __future__ import annotations

import pytest
from django.core import checks
from django.test import override_settings

from tests.candidates.factories import CandidateFactory
from tests.panel.factories import CandidateAccountFactory
from werkpad.organisations.models import Membership
from werkpad.panel.models import CandidateAccount
from werkpad.panel.oidc import CandidateOIDCBackend, check_oidc_package, oidc_available

pytestmark = pytest.mark.django_db


def test_a_bsn_claim_finds_the_candidates_own_account() -> None:
    account = CandidateAccountFactory()
    backend = CandidateOIDCBackend()
    claims = {"bsn": account.candidate.bsn}
    assert list(backend.filter_users_by_claims(claims)) == [account.user]
    assert backend.create_user(claims) == account.user


def test_the_first_login_makes_an_account_without_membership() -> None:
    candidate = CandidateFactory()
    user = CandidateOIDCBackend().create_user({"bsn": candidate.bsn})
    assert user is not None
    account = CandidateAccount.objects.get(user=user)
    assert (account.candidate, account.origin) == (candidate, "oidc")
    assert not user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()


def test_an_unknown_or_invalid_bsn_is_refused() -> None:
    CandidateFactory()
    backend = CandidateOIDCBackend()
    for claims in ({"bsn": "123456782"}, {"bsn": "12345678"}, {"bsn": "abc"}, {}):
        assert backend.create_user(claims) is None
        assert not backend.filter_users_by_claims(claims).exists()
    assert not CandidateAccount.objects.exists()


@override_settings(OIDC_BSN_CLAIM="urn:nl:bsn")
def test_the_claim_name_is_configurable() -> None:
    candidate = CandidateFactory()
    assert CandidateOIDCBackend().create_user({"urn:nl:bsn": candidate.bsn}) is not None


def test_claims_are_only_accepted_when_oidc_is_switched_on() -> None:
    candidate = CandidateFactory()
    assert not CandidateOIDCBackend().verify_claims({"bsn": candidate.bsn})


@override_settings(OIDC_ENABLED=True)
def test_switching_it_on_without_the_package_is_reported() -> None:
    assert not oidc_available()
    errors = check_oidc_package(None)
    assert [e.id for e in errors] == ["werkpad.panel.E001"]
    assert all(isinstance(e, checks.Error) for e in errors)
