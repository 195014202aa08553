"""gunicorn settings: `gunicorn --config python:righthelp.web.gunicorn_conf righthelp.web.wsgi`.

BIND (default 127.0.0.1:8000) and WEB_CONCURRENCY (workers; default 2 per core + 1) come
from the environment. The app is loaded once before forking, so every worker shares the
packs already parsed and validated. Logs are JSON lines on standard error; gunicorn's own
access log is off (the app logs each request without its query string).
"""

from __future__ import annotations

import os
from typing import Any

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1)))
preload_app = True
timeout = 30
graceful_timeout = 10
accesslog = None
logconfig_dict: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "righthelp.web.logs.JsonFormatter"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}


def when_ready(server: Any) -> None:
    address = bind if "://" in bind else f"http://{bind}/"
    print(f"RightHelp is running at {address} (press Ctrl+C to stop)", flush=True)
