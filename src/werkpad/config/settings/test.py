"""Settings for the test suite: the base settings with fast hashing and in-memory e-mail."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "werkpad-test-only")
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTAxMjM0NTY=")
os.environ.setdefault("BSN_HASH_KEY", "werkpad-test-only-bsn-hash-key")
os.environ.setdefault("HTTPS", "false")

from .base import *  # noqa: E402,F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared-cache in-memory database: there a background thread (an
    # import, a plan run, the monitor) writing a table that another connection reads fails at
    # once with "database table is locked" instead of waiting for it, as it does on a file.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"werkpad-test-{os.getpid()}.sqlite3")
    }

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # noqa: S303 - tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
TWO_FACTOR_REQUIRED = True
# pytest shows the log records of a failing test itself; a console handler would only repeat
# them (and write to a stream pytest has closed by the time a later test logs).
LOGGING = {**LOGGING, "handlers": {"console": {"class": "logging.NullHandler"}}}  # noqa: F405
# Look up static files per request: tests run without `collectstatic`, so no STATIC_ROOT.
WHITENOISE_AUTOREFRESH = True
# Compute stale monitor figures in the request, so that a test sees the data it just wrote
# (tests/monitor/test_figures_kept_until_the_data_changes.py turns the background on).
MONITOR_REFRESH_IN_BACKGROUND = False
