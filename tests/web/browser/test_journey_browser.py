"""The "check a concern" journey in a real browser, with JavaScript and without it.

Each test runs twice (the `javascript` fixture): GOV.UK Frontend and app.js on, then off.
Every page is the real service behind gunicorn, with its Content Security Policy: a script
error or a CSP violation logged by the page fails the test (see conftest.page).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from righthelp.framework.loader import get_pack
from righthelp.web.journey.forms import MESSAGES
from righthelp.web.journey.present import level_label
from tests.web.browser.support import playwright_expect
from tests.web.conftest import COUNTY, LEVEL_4_TEXT, STOKE

expect = playwright_expect()

pytestmark = pytest.mark.browser

STOKE_PACK = get_pack(STOKE)
LEVEL_1 = [i for i in STOKE_PACK.indicators if i.level == 1]
# two Level 1 indicators in different domains (areas of the child's life)
LEVEL_1_IDS = [LEVEL_1[0].id, next(i.id for i in LEVEL_1 if i.domain != LEVEL_1[0].domain)]
TEXT_OF = {i.id: i.text for i in STOKE_PACK.indicators}


class LoadCounter:
    """Counts documents loaded in the main frame: a redirect after a POST is one load."""

    def __init__(self, page: Any) -> None:
        self.count = 0
        page.on("load", self._loaded)

    def _loaded(self, _: Any) -> None:
        self.count += 1


def about_the_child(
    page: Any, partnership: str = STOKE, age: str = "", consent: str = "unknown"
) -> None:
    """On the About the child page: answer and continue."""
    expect(page.locator("h1")).to_have_text("About the child")
    page.check(f'input[name="partnership"][value="{partnership}"]')
    if age:
        page.fill("#age", age)
    page.check(f'input[name="consent"][value="{consent}"]')
    page.click("#continue")


def start(page: Any) -> None:
    page.goto("/")
    page.click("#start-now")
    page.wait_for_url("**/check/about/")


def describe(page: Any, text: str) -> None:
    page.wait_for_url("**/check/concern/")
    page.fill("#text", text)
    page.click("#continue")
    page.wait_for_url("**/check/answers/")


def see_result(page: Any) -> None:
    page.click("#see-result")
    page.wait_for_url("**/check/result/")


def test_level_4_narrative_red_banner_first_in_at_most_five_page_loads(page: Any) -> None:
    loads = LoadCounter(page)
    start(page)
    about_the_child(page, age="9")
    describe(page, LEVEL_4_TEXT)
    # the red flag found in the description is ticked for the practitioner to confirm
    expect(page.locator("#sug-l4-dev-unexplained-bruises-burns-bite-marks")).to_be_checked()
    see_result(page)
    assert loads.count <= 5, f"{loads.count} page loads from the start page to the result"

    banner = page.get_by_test_id("emergency-banner")
    expect(banner).to_be_visible()
    expect(banner).to_be_in_viewport()  # seen first, without scrolling
    expect(page.locator("main > :first-child")).to_have_attribute("data-testid", "emergency-banner")
    expect(banner.locator('a[href="tel:999"]')).to_have_text("999")
    text = page.locator("main").inner_text()
    danger = text.index("If a child is in immediate danger call 999")
    front_door = text.index(page.get_by_test_id("emergency-front-door").first.inner_text())
    out_of_hours = text.index(page.get_by_test_id("emergency-out-of-hours").first.inner_text())
    heading = text.index(level_label(STOKE_PACK, 4))
    assert danger < front_door < out_of_hours < heading
    expect(page.get_by_test_id("emergency-front-door").first).to_contain_text("01782 235100")
    expect(page.get_by_test_id("emergency-out-of-hours").first).to_contain_text("01782 234234")
    # the level in the partnership's own words
    level = page.locator("#level")
    expect(level).to_have_attribute("data-level", "4")
    expect(level).to_have_text(f"Level 4: {STOKE_PACK.level(4).name}")
    expect(page).to_have_title(f"{level_label(STOKE_PACK, 4)} – your result – RightHelp")


def test_level_1_by_ticking_indicators(page: Any, javascript: bool) -> None:
    start(page)
    about_the_child(page)
    page.wait_for_url("**/check/concern/")
    first, second = LEVEL_1_IDS
    # open the domain that holds the first indicator and tick it
    page.locator("details.app-domain", has=page.locator(f"#ind-{first}")).locator("summary").click()
    page.check(f"#ind-{first}")
    if javascript:
        expect(page.locator("#ticked-count")).to_have_text("1 selected.")
    # find the second by searching: filtered as you type with JavaScript, by the server without
    second_box = page.locator(f"#ind-{second}")
    expect(second_box).to_be_hidden()  # in another domain, still closed
    words = TEXT_OF[second].split()[:3]
    page.fill("#q", " ".join(words))
    if javascript:  # its domain, closed until now, is opened by the filter
        expect(page.locator("[data-filter-status]")).to_have_text(
            re.compile(r"^\d+ indicators? shown$")
        )
    else:
        page.click("#search")
        page.wait_for_url("**/check/concern/?q=*")
        expect(page.locator("#hidden-ticked")).to_contain_text("1 more selected indicator")
    expect(second_box).to_be_visible()
    second_box.check()
    page.click("#continue")
    page.wait_for_url("**/check/answers/")
    ticked = page.locator("#ticked li")
    expect(ticked).to_have_count(2)
    for row in (first, second):
        expect(ticked.filter(has_text=TEXT_OF[row])).to_have_count(1)
    see_result(page)
    expect(page.locator("#level")).to_have_attribute("data-level", "1")
    expect(page.locator("#level")).to_have_text(level_label(STOKE_PACK, 1))
    expect(page.get_by_test_id("emergency-banner")).to_have_count(0)


def test_change_links_keep_every_answer(page: Any) -> None:
    start(page)
    about_the_child(page, age="9", consent="refused")
    page.wait_for_url("**/check/concern/")
    page.fill("#text", LEVEL_4_TEXT)
    page.locator("details.app-domain", has=page.locator(f"#ind-{LEVEL_1_IDS[0]}")).locator(
        "summary"
    ).click()
    page.check(f"#ind-{LEVEL_1_IDS[0]}")
    page.click("#continue")
    page.wait_for_url("**/check/answers/")

    # Change the age: every answer on the page is still there
    page.click("#change-age")
    page.wait_for_url("**/check/about/#age")
    expect(page.locator(f'input[name="partnership"][value="{STOKE}"]')).to_be_checked()
    expect(page.locator("#age")).to_have_value("9")
    expect(page.locator('input[name="consent"][value="refused"]')).to_be_checked()
    page.fill("#age", "10")
    page.click("#continue")
    page.wait_for_url("**/check/answers/")  # straight back, not through the steps again
    expect(page.locator("#summary-about")).to_contain_text("10 years")
    expect(page.locator("#summary-about")).to_contain_text("No, they have refused")

    # Change the description: the text and the ticked indicator are kept
    page.click("#change-text")
    page.wait_for_url("**/check/concern/#text")
    expect(page.locator("#text")).to_have_value(LEVEL_4_TEXT)
    expect(page.locator(f"#ind-{LEVEL_1_IDS[0]}")).to_be_checked()
    page.click("#continue")
    page.wait_for_url("**/check/answers/")
    expect(page.locator("#narrative")).to_contain_text("dad punched him")
    expect(page.locator("#ticked li")).to_have_count(1)
    see_result(page)
    expect(page.locator("#level")).to_have_attribute("data-level", "4")


def test_error_summary_on_a_missing_answer(page: Any, javascript: bool) -> None:
    start(page)
    page.click("#continue")  # nothing answered
    page.wait_for_url("**/check/about/")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(page).to_have_title("Error: About the child – RightHelp")
    links = summary.locator("a")
    expect(links).to_have_text([MESSAGES["partnership"], MESSAGES["consent"]])
    expect(links.first).to_have_attribute("href", "#partnership")
    expect(page.locator("#partnership-error")).to_contain_text(MESSAGES["partnership"])
    if javascript:
        expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
        links.first.click()
        expect(page.locator("#partnership")).to_be_focused()
    else:
        links.first.click()
        page.wait_for_url("**/check/about/#partnership")

    # the concern page: nothing described and nothing ticked
    about_the_child(page)
    page.wait_for_url("**/check/concern/")
    page.click("#continue")
    expect(page.locator(".govuk-error-summary a")).to_have_text([MESSAGES["nothing"]])
    expect(page.locator(".govuk-error-summary a")).to_have_attribute("href", "#text")


def test_pdf_download(page: Any) -> None:
    start(page)
    about_the_child(page)
    describe(page, LEVEL_4_TEXT)
    see_result(page)
    with (
        page.expect_response("**/check/result.pdf") as answer,
        page.expect_download() as download,
    ):
        page.click("#download-pdf")
    response = answer.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("attachment;")
    path = download.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_county_pack_cannot_suggest_a_level(page: Any) -> None:
    start(page)
    about_the_child(page, partnership=COUNTY)
    page.wait_for_url("**/check/answers/")  # nothing to describe or tick
    expect(page.locator("#no-tables")).to_contain_text("has no indicator tables")
    see_result(page)
    level = page.locator("#level")
    expect(level).to_have_attribute("data-level", "none")
    expect(level).to_have_text("RightHelp cannot suggest a level for this partnership")
    expect(page.locator("#questions").first).to_be_visible()
    expect(page.get_by_test_id("emergency-banner")).to_have_count(0)


def test_start_again_deletes_the_answers(page: Any) -> None:
    start(page)
    about_the_child(page)
    describe(page, LEVEL_4_TEXT)
    see_result(page)
    page.click("#start-again")
    page.wait_for_url("**/?deleted=1")
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Your answers have been deleted."
    )
    page.goto("/check/result/")
    page.wait_for_url("**/check/about/")
