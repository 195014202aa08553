"""axe-core on every page and state of the service: no WCAG 2.2 AA violations.

axe-core comes from npm (devDependency, node_modules/axe-core/axe.min.js). The service's
Content Security Policy allows no inline script, so axe is not added as a <script>: it is
given to the browser context as an init script (Chrome DevTools Protocol), which runs before
the page's own scripts and is not subject to the page's CSP. The policy stays as served.

Best-practice findings are reported at the end of the run (pytest's terminal summary) but
do not fail the test: WCAG 2.0/2.1/2.2 A and AA do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.web.browser.support import best_practice, new_context, unavailable
from tests.web.conftest import COUNTY, LEVEL_4_TEXT, STOKE
from tests.web.live_server import ROOT, Server

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RED_FLAG_ROW = "l4-dev-unexplained-bruises-burns-bite-marks"
LEVEL_1_ROW = "l1-dev-receives-universal-immunisations"
LEVEL_2_ROW = "l2-dev-recurring-concerns-diet-hygiene-clothing"


def _about(page: Any, partnership: str = STOKE) -> None:
    page.goto("/check/about/")
    page.check(f'input[name="partnership"][value="{partnership}"]')
    page.check('input[name="consent"][value="unknown"]')
    page.click("#continue")


def _described(page: Any, text: str = LEVEL_4_TEXT) -> None:
    _about(page)
    page.wait_for_url("**/check/concern/")
    page.fill("#text", text)
    page.click("#continue")
    page.wait_for_url("**/check/answers/")


def _result(page: Any) -> None:
    _described(page)
    page.click("#see-result")
    page.wait_for_url("**/check/result/")


def _result_with_checklist(page: Any) -> None:
    _described(page, "He is doing well at school and has lots of friends. He is often late.")
    page.click("#see-result")
    page.wait_for_url("**/check/result/")
    page.wait_for_selector("[data-testid=red-flag-check]")


def _go(path: str) -> Callable[[Any], None]:
    return lambda page: page.goto(path)


def _then(*steps: Callable[[Any], None]) -> Callable[[Any], None]:
    def run(page: Any) -> None:
        for step in steps:
            step(page)

    return run


def _about_errors(page: Any) -> None:
    page.goto("/check/about/")
    page.fill("#age", "nine")
    page.click("#continue")
    page.wait_for_selector(".govuk-error-summary")


def _concern_errors(page: Any) -> None:
    _about(page)
    page.wait_for_url("**/check/concern/")
    page.click("#continue")
    page.wait_for_selector(".govuk-error-summary")


def _answers_errors(page: Any) -> None:
    _described(page)
    page.uncheck(f"#sug-{RED_FLAG_ROW}")
    for box in page.locator('input[name="confirmed"]:checked').all():
        box.uncheck()
    page.click("#see-result")
    page.wait_for_selector(".govuk-error-summary")


def _county_result(page: Any) -> None:
    _about(page, COUNTY)
    page.wait_for_url("**/check/answers/")
    page.click("#see-result")
    page.wait_for_url("**/check/result/")


def _cookies_accepted(page: Any) -> None:
    page.goto("/")
    page.click("#accept-cookies")
    page.wait_for_selector('[data-testid="cookie-banner"] [role="alert"]')


PAGES: dict[str, Callable[[Any], None]] = {
    "start": _go("/"),
    "start, answers deleted": _go("/?deleted=1"),
    "start, cookie message after accepting": _cookies_accepted,
    "about": _go("/check/about/"),
    "about, errors": _about_errors,
    "concern": _then(_about, lambda page: page.wait_for_url("**/check/concern/")),
    "concern, errors": _concern_errors,
    "concern, search without JavaScript": _then(_about, _go("/check/concern/?q=bruises")),
    "concern, search with no results": _then(_about, _go("/check/concern/?q=zzzzqqq")),
    "answers, suggestions from a description": _described,
    "answers, errors": _answers_errors,
    "result, level 4 with the red banner": _result,
    "result, county pack with no level": _county_result,
    "result, significant-harm checklist": _result_with_checklist,
    "frameworks": _go("/frameworks/"),
    "framework pack": _go(f"/frameworks/{STOKE}/"),
    "framework pack without indicator tables": _go(f"/frameworks/{COUNTY}/"),
    "indicators search": _go(f"/frameworks/{STOKE}/indicators/?q=bruises&level=4"),
    "indicator": _go(f"/frameworks/{STOKE}/indicators/{RED_FLAG_ROW}"),
    "domain": _go(f"/frameworks/{STOKE}/domains/development-needs/"),
    "source": _go(f"/frameworks/{STOKE}/source/#L120"),
    "compare": _go("/compare/"),
    "compare, error": _go("/compare/?pack="),
    "compare, choose indicators": _go(f"/compare/{STOKE}/"),
    "compare, search": _go(f"/compare/{STOKE}/?i={LEVEL_2_ROW}&q=bruises&action=search"),
    "compare, result": _go(f"/compare/{STOKE}/result/?i={RED_FLAG_ROW}&i={LEVEL_1_ROW}&age=9"),
    "compare, result errors": _go(f"/compare/{STOKE}/result/?i=made-up&age=99"),
    "compare current concern": _then(_result, _go("/compare/current/")),
    "cookies": _go("/cookies/"),
    "privacy": _go("/privacy/"),
    "accessibility": _go("/accessibility/"),
    "not found (404)": _go("/no-such-page/"),
}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        unavailable(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` (make web-setup does)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def axe_page(browser: Any, server: Server, axe_source: str) -> Iterator[Any]:
    context = new_context(browser, server, javascript=True)
    context.add_init_script(script=axe_source)
    yield context.new_page()
    context.close()


def _describe(violation: dict[str, Any]) -> str:
    v = violation
    targets = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
    return f"- {v['id']} ({v.get('impact')}): {v['help']} [{targets}] {v['helpUrl']}"


@pytest.mark.parametrize("name", list(PAGES))
def test_no_wcag_violations(axe_page: Any, name: str) -> None:
    PAGES[name](axe_page)
    assert axe_page.evaluate("typeof window.axe") == "object", "axe-core was not injected"
    results = axe_page.evaluate(
        "options => window.axe.run(document, options)",
        {
            "runOnly": {"type": "tag", "values": [*WCAG, "best-practice"]},
            "resultTypes": ["violations"],
        },
    )
    wcag = [v for v in results["violations"] if set(v["tags"]) & set(WCAG)]
    other = [v for v in results["violations"] if v not in wcag]
    for finding in other:
        best_practice.setdefault(_describe(finding), []).append(name)
    found = "\n".join(map(_describe, wcag))
    assert not wcag, f"WCAG violations on {name} ({axe_page.url}):\n{found}"


def test_every_page_of_the_service_is_scanned() -> None:
    """A new page in urls.py needs a state in PAGES above (and this list)."""
    urls = (ROOT / "src" / "righthelp" / "web" / "urls.py").read_text()
    declared = set(re.findall(r'name="(\w+)"', urls))
    not_html_pages = {"pdf", "restart", "cookie_banner", "healthz"}
    scanned = {
        "start", "about", "concern", "answers", "result",  # journey
        "index", "pack", "indicators", "indicator", "domain", "source",  # frameworks
        "choose", "current",  # compare ("start" and "result" too)
        "cookies", "privacy", "accessibility",
    }  # fmt: skip
    assert declared - not_html_pages <= scanned, "add the new page to PAGES"
