"""WSGI entry point: `gunicorn righthelp.web.wsgi` (see gunicorn_conf.py)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "righthelp.web.settings")

application = get_wsgi_application()

from righthelp.web.packs import warm_server  # noqa: E402  (needs Django set up)

warm_server()
