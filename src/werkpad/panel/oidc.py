"""Login for candidates with OpenID Connect, so a municipality can connect DigiD through its
broker (for example Signicat or a Keycloak in front of DigiD).

mozilla-django-oidc runs the code flow (the redirect to the broker, the token exchange, the
signature check of the ID token, the userinfo call); this module decides who may log in. The
broker verifies the person and hands over a BSN claim; Werkpad maps it to the candidate by the
keyed BSN hash (`bsn_hash`) and logs the candidate into their own account, made on first login
when the candidate has none. A person whose BSN is not a Werkpad candidate is refused. The
broker's DigiD level (at least "Substantieel") replaces Werkpad's own second factor.

Off by default. The settings (`werkpad.config.settings.base`, from the environment) are
`OIDC_ENABLED`, `OIDC_RP_CLIENT_ID`, `OIDC_RP_CLIENT_SECRET`, the broker's endpoints
`OIDC_OP_AUTHORIZATION_ENDPOINT`, `OIDC_OP_TOKEN_ENDPOINT`, `OIDC_OP_USER_ENDPOINT`,
`OIDC_OP_JWKS_ENDPOINT`, and `OIDC_BSN_CLAIM` (the claim that holds the BSN). When it is on,
the backend below is in `AUTHENTICATION_BACKENDS`, the portal's URLs include the package's
login and callback under `/portaal/digid/`, and the portal's login page shows "Inloggen met
DigiD". A system check reports required settings that are missing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend  # type: ignore[import-untyped]

from werkpad.accounts.models import User
from werkpad.candidates.models import Candidate
from werkpad.candidates.services import validate_bsn
from werkpad.panel.models import CandidateAccount
from werkpad.panel.services import digid_account_create
from werkpad.privacy.encryption import bsn_hash

REQUIRED_SETTINGS = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
    "OIDC_BSN_CLAIM",
)


def oidc_enabled() -> bool:
    return bool(getattr(settings, "OIDC_ENABLED", False))


def candidate_for_claims(claims: dict[str, Any]) -> Candidate | None:
    """The (not erased) candidate whose BSN the verified claims carry, or None."""
    raw = str(claims.get(settings.OIDC_BSN_CLAIM) or "").strip()
    try:
        bsn = validate_bsn(raw.zfill(9))
    except ValidationError:
        return None
    return Candidate.objects.filter(bsn_hash=bsn_hash(bsn), erased_at__isnull=True).first()


class CandidateOIDCBackend(OIDCAuthenticationBackend):
    """Lets candidates log in through the municipality's OIDC broker (DigiD), by their BSN."""

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        return oidc_enabled() and candidate_for_claims(claims) is not None

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        candidate = candidate_for_claims(claims)
        if candidate is None:
            return User.objects.none()
        return User.objects.filter(candidate_account__candidate=candidate, is_active=True)

    @transaction.atomic
    def create_user(self, claims: dict[str, Any]) -> User | None:
        """The candidate's first login: their account is made (and logged); refused for an
        unknown BSN or a candidate whose account was switched off."""
        candidate = candidate_for_claims(claims)
        if candidate is None:
            return None
        if CandidateAccount.objects.filter(candidate=candidate).exists():
            return None  # the account exists but is not active (else filter_users_by_claims)
        return digid_account_create(candidate=candidate)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        return user  # DigiD hands over only the BSN: nothing to update


@checks.register(checks.Tags.security)
def check_oidc_settings(app_configs: Any, **kwargs: Any) -> list[checks.CheckMessage]:
    if not oidc_enabled():
        return []
    missing = [name for name in REQUIRED_SETTINGS if not getattr(settings, name, "")]
    if not missing:
        return []
    return [
        checks.Error(
            f"OIDC_ENABLED is on, but these settings are empty: {', '.join(missing)}.",
            hint="Set them in the environment (the broker gives them), or switch OIDC_ENABLED off.",
            id="werkpad.panel.E001",
        )
    ]
