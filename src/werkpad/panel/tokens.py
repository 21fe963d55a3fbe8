"""Invitation tokens: random, shown once in the e-mail, stored only as a hash."""

from __future__ import annotations

import hashlib
import secrets

TOKEN_BYTES = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """SHA-256 of the token: a token has 256 random bits, so no key or salt is needed."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
