"""Settings shared by every environment, read from the environment.

`WERKPAD_DEMO=true` (set by `werkpad demo`) is the quick-start mode: a default secret key,
optional two-factor login and e-mail on the console. Everything else is production-safe by
default: `DEBUG` is off and `SECRET_KEY` must be given.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parents[2]  # src/werkpad
REPO_DIR = PACKAGE_DIR.parents[1]

DEBUG = env_bool("DEBUG")
DEMO_MODE = env_bool("WERKPAD_DEMO")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or DEMO_MODE):
        raise ImproperlyConfigured(
            "SECRET_KEY is required. Set it in the environment (or run in demo mode)."
        )
    SECRET_KEY = "werkpad-demo-only-not-secret"  # noqa: S105 - demo and debug only

# Keys for field encryption of special-category data and BSNs (Fernet, comma-separated for
# rotation: the first encrypts, all decrypt) and for the keyed BSN hash used for exact lookup.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS")
BSN_HASH_KEY = os.environ.get("BSN_HASH_KEY", "")
if not FIELD_ENCRYPTION_KEYS or not BSN_HASH_KEY:
    if not (DEBUG or DEMO_MODE):
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS and BSN_HASH_KEY are required.")
    FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or [
        "ZGVtby1vbmx5LWtleS1ub3Qtc2VjcmV0LTAxMjM0NTY="
    ]
    BSN_HASH_KEY = BSN_HASH_KEY or "werkpad-demo-only-bsn-hash-key"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or DEMO_MODE else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Werkpad's apps come first so their templates (e.g. registration/) win over Django's.
    "werkpad.core",
    "werkpad.accounts",
    "werkpad.organisations",
    "werkpad.privacy",
    "werkpad.candidates",
    "werkpad.cases",
    "werkpad.offers",
    "werkpad.matching",
    "werkpad.panel",
    "werkpad.monitor",
    "werkpad.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django.forms",
]
RETENTION_YEARS_AFTER_BENEFIT = int(os.environ.get("RETENTION_YEARS_AFTER_BENEFIT", "5"))
FORM_RENDERER = "werkpad.core.forms.FormRenderer"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "werkpad.core.middleware.RequestLogMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "werkpad.panel.middleware.CandidateBoundaryMiddleware",  # candidates see the portal only
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so its 400 answers still carry the security headers set above.
    "werkpad.core.middleware.RejectNulCharactersMiddleware",
]

ROOT_URLCONF = "werkpad.config.urls"
WSGI_APPLICATION = "werkpad.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "werkpad.core.context_processors.werkpad",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{Path.cwd() / 'werkpad.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The quick start runs imports and plan runs in threads beside the requests. IMMEDIATE
    # transactions take the write lock when they begin, so two of them wait for each other
    # instead of failing with "database is locked" when both turn from reading to writing; WAL
    # lets readers go on while one writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not env_bool(
    "DB_JIT", default=False
):
    # PostgreSQL's JIT compiled the candidate list query on every request: 2.7 of 3.3 s on
    # 100,000 candidates (bench/README.md). Short OLTP queries are faster without it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every web process when REDIS_URL is set (production: the monitor's figures and
# the interest form's rate limit are then shared); the quick start keeps it in process memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
#: How long the monitor keeps computed figures (seconds; 0: always compute afresh).
MONITOR_CACHE_SECONDS = int(os.environ.get("MONITOR_CACHE_SECONDS", str(7 * 24 * 60 * 60)))
#: Serve the figures kept from before a change of the data while a thread computes new ones.
MONITOR_REFRESH_IN_BACKGROUND = env_bool("MONITOR_REFRESH_IN_BACKGROUND", default=True)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login for candidates with DigiD through the municipality's OpenID Connect broker
# (mozilla-django-oidc; `werkpad.panel.oidc`). Off by default; the broker gives the client, the
# endpoints and the name of the claim that holds the BSN.
OIDC_ENABLED = env_bool("OIDC_ENABLED")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = os.environ.get("OIDC_RP_SCOPES", "openid bsn")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
OIDC_BSN_CLAIM = os.environ.get("OIDC_BSN_CLAIM", "bsn")
OIDC_AUTHENTICATION_CALLBACK_URL = "panel:oidc_authentication_callback"
LOGIN_REDIRECT_URL_FAILURE = "/portaal/inloggen/"  # a path: the package does not reverse it
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("werkpad.panel.oidc.CandidateOIDCBackend")
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Two-factor login (TOTP) is required for every account outside demo mode.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=not DEMO_MODE)
OTP_TOTP_ISSUER = "Werkpad"

# Lock-out after 5 failed logins for the same e-mail address from the same address.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "werkpad.accounts.views.locked_out_view"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

# Sessions end after inactivity.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_IDLE_SECONDS", str(30 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", REPO_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEMO_MODE or DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Werkpad <noreply@werkpad.example>")

# Security headers. HSTS and secure cookies whenever the site is served over https.
HTTPS = env_bool("HTTPS", default=not (DEBUG or DEMO_MODE))
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "werkpad.core.rest.Pagination",
    "PAGE_SIZE": 25,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "werkpad.core.api.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["werkpad.core.rest.JSONParser"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Werkpad API",
    "DESCRIPTION": "The shared work platform of the 'more people at work' programme.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets that share a field name get a stable, readable component name.
    "ENUM_NAME_OVERRIDES": {
        "BarrierStatusEnum": "werkpad.candidates.codes.BarrierStatus",
        "CaseStatusEnum": "werkpad.cases.workflow.CaseStatus",
        "DecisionOutcomeEnum": "werkpad.cases.models.Outcome",
        "ActionStatusEnum": "werkpad.cases.models.ActionStatus",
        "OfferKindEnum": "werkpad.candidates.codes.OfferKind",
        "DutchLevelEnum": "werkpad.candidates.codes.DutchLevel",
        "LadderStepEnum": "werkpad.candidates.codes.LadderStep",
        "MatchStatusEnum": "werkpad.offers.codes.MatchStatus",
        "OfferStatusEnum": "werkpad.offers.codes.OfferStatus",
        "SkillEnum": "werkpad.offers.codes.Skill",
    },
}

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "timestamp", "levelname": "level", "name": "logger"},
        },
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain" if DEBUG else "json",
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.server": {"level": "WARNING"}},
}
