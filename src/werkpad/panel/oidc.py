"""Login for candidates with OpenID Connect, so a municipality can connect DigiD through its
broker (for example Signicat or a Keycloak in front of DigiD).

The broker verifies the person and hands over a BSN claim; Werkpad maps it to the candidate by
the keyed BSN hash (`bsn_hash`) and logs the candidate into their own account (made on first
login when the candidate has none). A person whose BSN is not a Werkpad candidate is refused.
The broker's DigiD level (at least "Substantieel") replaces Werkpad's own second factor.

Off by default. To switch it on:

1. add the package `mozilla-django-oidc` to the dependencies (it is not installed now; this
   module only plugs into it);
2. settings (from the environment):

       OIDC_ENABLED = True
       AUTHENTICATION_BACKENDS += ["werkpad.panel.oidc.CandidateOIDCBackend"]
       OIDC_RP_CLIENT_ID, OIDC_RP_CLIENT_SECRET, OIDC_RP_SIGN_ALGO = "RS256"
       OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_USER_ENDPOINT,
       OIDC_OP_JWKS_ENDPOINT
       OIDC_RP_SCOPES = "openid bsn"
       OIDC_BSN_CLAIM = "bsn"            # the claim that holds the BSN (broker-specific)
       OIDC_AUTHENTICATION_CALLBACK_URL = "panel:oidc_authentication_callback"
       LOGIN_REDIRECT_URL_FAILURE = "panel:login"

   The portal's URLs then include the package's login and callback under `/portaal/digid/`,
   and the portal's login page shows "Inloggen met DigiD".

Without the package, `CandidateOIDCBackend` authenticates nobody, and a system check reports
the missing package when `OIDC_ENABLED` is on.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.core import checks
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.candidates.services import validate_bsn
from werkpad.panel.codes import AccountOrigin
from werkpad.panel.models import CandidateAccount
from werkpad.privacy.encryption import bsn_hash

OIDC_PACKAGE = "mozilla_django_oidc"


def oidc_available() -> bool:
    return importlib.util.find_spec(OIDC_PACKAGE) is not None


def oidc_enabled() -> bool:
    """On when the setting says so and the package is there."""
    return bool(getattr(settings, "OIDC_ENABLED", False)) and oidc_available()


def bsn_claim_name() -> str:
    return str(getattr(settings, "OIDC_BSN_CLAIM", "bsn"))


def candidate_for_claims(claims: dict[str, Any]) -> Candidate | None:
    """The (not erased) candidate whose BSN the verified claims carry, or None."""
    raw = str(claims.get(bsn_claim_name()) or "").strip()
    try:
        bsn = validate_bsn(raw.zfill(9))
    except ValidationError:
        return None
    return Candidate.objects.filter(bsn_hash=bsn_hash(bsn), erased_at__isnull=True).first()


@transaction.atomic
def candidate_user_for_claims(claims: dict[str, Any]) -> User | None:
    """The account of the candidate named by the verified claims, made on first login."""
    from werkpad.panel.services import candidate_account_create

    candidate = candidate_for_claims(claims)
    if candidate is None:
        return None
    account = CandidateAccount.objects.select_related("user").filter(candidate=candidate).first()
    if account is not None:
        return account.user if account.user.is_active else None
    # DigiD gives no e-mail address; a placeholder keeps the e-mail field unique. The candidate
    # gets no e-mail until their contact records one.
    user = User(
        email=f"digid-{candidate.pk}@candidates.werkpad.invalid", full_name=candidate.full_name
    )
    user.set_unusable_password()
    user.save()
    candidate_account_create(user=user, candidate=candidate, origin=AccountOrigin.OIDC)
    return user


class CandidateClaimsMixin:
    """The hooks mozilla-django-oidc's backend calls with the verified claims."""

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return oidc_enabled() and candidate_for_claims(claims) is not None

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        candidate = candidate_for_claims(claims)
        if candidate is None:
            return User.objects.none()
        return User.objects.filter(candidate_account__candidate=candidate, is_active=True)

    def create_user(self, claims: dict[str, Any]) -> User | None:
        return candidate_user_for_claims(claims)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        return user


if TYPE_CHECKING:
    OIDCBackendBase = BaseBackend
elif oidc_available():
    OIDCBackendBase = importlib.import_module(f"{OIDC_PACKAGE}.auth").OIDCAuthenticationBackend
else:
    OIDCBackendBase = BaseBackend  # authenticates nobody


class CandidateOIDCBackend(CandidateClaimsMixin, OIDCBackendBase):
    """Add to AUTHENTICATION_BACKENDS to let candidates log in through the OIDC broker."""


@checks.register(checks.Tags.security)
def check_oidc_package(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    if getattr(settings, "OIDC_ENABLED", False) and not oidc_available():
        return [
            checks.Error(
                "OIDC_ENABLED is on, but the package mozilla-django-oidc is not installed.",
                hint="Add mozilla-django-oidc to the dependencies, or switch OIDC_ENABLED off.",
                id="werkpad.panel.E001",
            )
        ]
    return []
