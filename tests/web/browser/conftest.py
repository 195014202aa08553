"""Browser tests: headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, against
the real service (gunicorn, production settings) on a free loopback port.

Under CI (CI=true) these tests FAIL when Chromium, Playwright or the collected static files
are missing; locally they are skipped with the reason. `make test` installs Chromium when it
is missing (scripts/browser_setup.sh) and collects the static files (web-setup).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.browser.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    best_practice,
    new_context,
    unavailable,
)
from tests.web.live_server import Server, collected_static_files, running_server


@pytest.fixture(autouse=True)
def _db() -> None:
    """Overrides tests/web's database fixture: the browser talks to its own server and DB."""


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not collected_static_files().exists():
        unavailable("no collected static files: run `make web-setup` first")
    with running_server(tmp_path_factory.mktemp("live-server")) as live:
        yield live


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: apt-get install chromium chromium-driver")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        unavailable("the playwright package is missing: pip install -e '.[dev]'")
    manager = sync_playwright().start()
    try:
        try:
            chromium = manager.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
            )
        except Error as exc:
            unavailable(f"Chromium could not be started: {exc}")
        yield chromium
        chromium.close()
    finally:
        manager.stop()


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def javascript(request: pytest.FixtureRequest) -> bool:
    """Each journey test runs with JavaScript on, then off."""
    return bool(request.param)


@pytest.fixture
def page(browser: Any, server: Server, javascript: bool) -> Iterator[Any]:
    """A fresh browser context (no cookies); any script error or CSP violation fails."""
    context = new_context(browser, server, javascript=javascript)
    errors: list[str] = []
    tab = context.new_page()
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on(
        "console",
        lambda msg: errors.append(msg.text) if msg.type == "error" else None,
    )
    yield tab
    context.close()
    assert not errors, f"the page logged errors: {errors}\n{server.log_tail()}"


@pytest.fixture
def js_page(browser: Any, server: Server) -> Iterator[Any]:
    """A fresh browser context with JavaScript on."""
    context = new_context(browser, server, javascript=True)
    tab = context.new_page()
    yield tab
    context.close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """axe-core's best-practice findings: reported, not failures (WCAG A/AA ones fail)."""
    if best_practice:
        terminalreporter.section("axe-core best-practice findings (not failures)")
        for finding, pages in sorted(best_practice.items()):
            terminalreporter.write_line(f"{finding}\n  on {len(pages)} pages: {'; '.join(pages)}")
