"""Shared by the browser tests: where Chromium is, how it starts, and the axe report."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.web.live_server import Server

CHROMIUM = Path(os.environ.get("RIGHTHELP_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
IN_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
TIMEOUT_MS = 20_000

# axe-core best-practice findings (one line each) and the pages they were found on,
# printed at the end of the run
best_practice: dict[str, list[str]] = {}


def unavailable(reason: str) -> None:
    """Fail under CI (the browser tests must run there); skip locally, saying why."""
    if IN_CI:
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


def playwright_expect() -> Any:
    """Playwright's `expect`, or a skip (locally) / a failure (CI) when it is not installed."""
    try:
        from playwright.sync_api import expect
    except ImportError:
        reason = "the playwright package is missing: pip install -e '.[dev]'"
        if IN_CI:
            pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
        pytest.skip(reason, allow_module_level=True)
    return expect


def new_context(browser: Any, server: Server, javascript: bool) -> Any:
    """A fresh browser context: no cookies, British English, London time."""
    context = browser.new_context(
        base_url=server.url,
        java_script_enabled=javascript,
        viewport={"width": 1280, "height": 900},
        locale="en-GB",
        timezone_id="Europe/London",
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context
