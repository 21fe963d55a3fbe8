"""Production settings come from the environment and are safe by default."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

PRODUCTION = {
    "SECRET_KEY": "s" * 50,
    "FIELD_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTAxMjM0NTY=",
    "BSN_HASH_KEY": "k" * 32,
    "ALLOWED_HOSTS": "werkpad.delft.nl",
    "DATABASE_URL": "postgres://werkpad:secret@db.internal:5432/werkpad",
}
PRINT = (
    "import json, werkpad.config.settings.base as s; print(json.dumps({"
    "'debug': s.DEBUG, 'hsts': s.SECURE_HSTS_SECONDS, 'ssl_redirect': s.SECURE_SSL_REDIRECT, "
    "'session_secure': s.SESSION_COOKIE_SECURE, 'csrf_secure': s.CSRF_COOKIE_SECURE, "
    "'hosts': s.ALLOWED_HOSTS, 'engine': s.DATABASES['default']['ENGINE'], "
    "'db_host': s.DATABASES['default']['HOST'], 'two_factor': s.TWO_FACTOR_REQUIRED, "
    "'email': s.EMAIL_BACKEND, 'demo': s.DEMO_MODE}))"
)


def settings_with(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {*PRODUCTION, "DEBUG", "WERKPAD_DEMO", "HTTPS", "TWO_FACTOR_REQUIRED"}
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", PRINT],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_production_is_https_only_with_two_factor_login() -> None:
    result = settings_with(PRODUCTION)

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["debug"] is False
    assert values["hsts"] >= 31536000
    assert values["ssl_redirect"] and values["session_secure"] and values["csrf_secure"]
    assert values["hosts"] == ["werkpad.delft.nl"]
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["db_host"] == "db.internal"
    assert values["two_factor"] is True
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "FIELD_ENCRYPTION_KEYS", "BSN_HASH_KEY"])
def test_production_refuses_to_start_without_its_secrets(missing: str) -> None:
    env = {key: value for key, value in PRODUCTION.items() if key != missing}

    result = settings_with(env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_demo_mode_needs_no_secrets_and_keeps_two_factor_optional() -> None:
    result = settings_with({"WERKPAD_DEMO": "true"})

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["demo"] is True
    assert values["two_factor"] is False
    assert values["hsts"] == 0
    assert values["hosts"] == ["127.0.0.1", "localhost"]
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"
