"""Encryption at rest for special-category data and BSNs, and the keyed BSN hash.

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under `FIELD_ENCRYPTION_KEYS`;
the first key encrypts, every key decrypts, so keys can be rotated. A BSN is also stored as an
HMAC-SHA256 under `BSN_HASH_KEY`, so an exact BSN search works without decrypting every row.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode("ascii")) for key in keys])


def encrypt(plain: str) -> str:
    return (
        _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))
        .encrypt(plain.encode("utf-8"))
        .decode("ascii")
    )


def decrypt(token: str) -> str:
    try:
        return (
            _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))
            .decrypt(token.encode("ascii"))
            .decode("utf-8")
        )
    except InvalidToken as error:
        raise ValueError("Encrypted value cannot be read with the configured keys.") from error


def bsn_hash(bsn: str) -> str:
    """The keyed hash of a BSN (digits only) for exact lookup and uniqueness."""
    digits = "".join(ch for ch in bsn if ch.isdigit())
    return hmac.new(
        settings.BSN_HASH_KEY.encode("utf-8"), digits.encode("ascii"), hashlib.sha256
    ).hexdigest()


class EncryptedTextField(models.TextField):
    """A text column whose value is only ever stored encrypted; empty stays empty."""

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))
