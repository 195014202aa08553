"""Django settings for the RightHelp web service, read from environment variables.

DEBUG            "1" for development (default off). Only then may SECRET_KEY be left unset.
SECRET_KEY       required when DEBUG is off (or SECRET_KEY_FILE: a file holding it).
ALLOWED_HOSTS    comma-separated host names (default: localhost names when DEBUG, else none).
DATABASE_URL     e.g. postgres://user:pass@host/db; default a SQLite file in var/.
SECURE_SSL_REDIRECT  "1" behind HTTPS: redirect HTTP and send HSTS.
SECURE_COOKIES   session and CSRF cookies only over HTTPS (default: on unless DEBUG).
RIGHTHELP_VAR_DIR    where the SQLite file and collected static files live (default ./var).
LOG_LEVEL        default INFO. Logs are JSON lines on standard error.

Nothing about a child is kept in the database beyond the server-side session of one
journey, which expires after 30 minutes and is deleted on "Start again".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [part.strip() for part in value.split(",") if part.strip()]


WEB_DIR = Path(__file__).resolve().parent
# src/righthelp/web -> the repository (for an editable install); VAR_DIR can point anywhere.
REPO_DIR = WEB_DIR.parents[2]
VAR_DIR = Path(os.environ.get("RIGHTHELP_VAR_DIR") or REPO_DIR / "var")

DEBUG = env_bool("DEBUG")

_secret = os.environ.get("SECRET_KEY", "")
_secret_file = os.environ.get("SECRET_KEY_FILE", "")
if not _secret and not _secret_file and (VAR_DIR / "secret_key").is_file():
    _secret_file = str(VAR_DIR / "secret_key")  # made by `make web-setup` for local runs
if not _secret and _secret_file:
    _secret = Path(_secret_file).read_text("utf-8").strip()
if not _secret:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off; "
            "`make run` creates one in var/secret_key."
        )
    _secret = "django-insecure-development-only-key-never-use-in-production"
SECRET_KEY = _secret

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else ["localhost", "127.0.0.1"]
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "righthelp.web.apps.RightHelpWebConfig",
]

MIDDLEWARE = [
    "righthelp.web.middleware.RequestLogMiddleware",
    "righthelp.web.api.problems.ApiProblemMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "righthelp.web.middleware.SecurityHeadersMiddleware",
    "righthelp.web.middleware.CookieMessageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "righthelp.web.middleware.ExpiredSessionsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "righthelp.web.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "righthelp.web.urls"
WSGI_APPLICATION = "righthelp.web.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [WEB_DIR / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "righthelp.web.jinja.environment",
            "context_processors": ["righthelp.web.context.site"],
            "auto_reload": DEBUG,
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'righthelp.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# -- the journey's answers: server-side, 30 minutes, never logged -----------------------
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 30 * 60
SESSION_COOKIE_NAME = "righthelp_session"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_COOKIES = env_bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "righthelp.web.views.csrf_failure"

# -- security headers ---------------------------------------------------------------------
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = (
    int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if SECURE_SSL_REDIRECT else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_SSL_REDIRECT
SECURE_HSTS_PRELOAD = SECURE_SSL_REDIRECT and env_bool("SECURE_HSTS_PRELOAD")  # opt in
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# django-csp 4: a strict policy. No inline script or style anywhere: every script is a file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# -- static files: our sources, and GOV.UK Frontend copied in by `make web-setup` ------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [WEB_DIR / "static", VAR_DIR / "static-build"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600
WHITENOISE_USE_FINDERS = DEBUG  # development: serve straight from the source folders

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

# -- logs: one JSON line per event; requests logged by method, path, status and duration --
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "righthelp.web.logs.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stderr"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # our request log replaces Django's "Not Found: /path" lines; errors still log
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "ERROR"},
        "django.db.backends": {"level": "WARNING"},
    },
}
