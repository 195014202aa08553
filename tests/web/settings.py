"""Settings for the web tests: the service's own settings, with an in-memory database and
plain static file storage (no collectstatic needed)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production-0123456789")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
os.environ.setdefault("SECURE_COOKIES", "0")

from righthelp.web.settings import *  # noqa: F403
from righthelp.web.settings import STATICFILES_DIRS

ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATICFILES_DIRS = [d for d in STATICFILES_DIRS if d.exists()]
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="righthelp-static-"))
WHITENOISE_AUTOREFRESH = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False}
