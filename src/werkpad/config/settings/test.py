"""Settings for the test suite: the base settings with fast hashing and in-memory e-mail."""

import os

os.environ.setdefault("SECRET_KEY", "werkpad-test-only")
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "dGVzdC1vbmx5LWtleS1ub3Qtc2VjcmV0LTAxMjM0NTY=")
os.environ.setdefault("BSN_HASH_KEY", "werkpad-test-only-bsn-hash-key")
os.environ.setdefault("HTTPS", "false")

from .base import *  # noqa: E402,F403

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
