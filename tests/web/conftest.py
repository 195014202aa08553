"""Web test helpers: every test may use the database (the journey lives in a DB session)."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client

LEVEL_4_TEXT = "He is 9. He has a bruise on his face and says his dad punched him."
LEVEL_1_TEXT = (
    "He is doing well at school, attends every day and has lots of friends. "
    "His immunisations are up to date."
)
NEGATED_TEXT = "Mum does not drink alcohol. The children are often hungry."
OTHER_PERSON_TEXT = "Her uncle has been in prison for drug dealing. She is often late for school."

STOKE = "stoke-on-trent-2018"
COUNTY = "county-levels-of-need-2021"


@pytest.fixture(autouse=True)
def _db(db: None) -> None:
    """The session and the purge of expired journeys need the database."""


def text_of(response) -> str:  # type: ignore[no-untyped-def]
    """The visible text of a page's <main>, whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") :] if "<main" in html else html
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main))).strip()


def html_of(response) -> str:  # type: ignore[no-untyped-def]
    return str(response.content.decode())


def about(client: Client, **fields: object) -> object:
    data: dict[str, object] = {"partnership": STOKE, "age": "", "consent": "unknown"}
    data.update(fields)
    return client.post("/check/about/", data)


def concern(client: Client, text: str = "", indicators: tuple[str, ...] = (), **extra: str):  # type: ignore[no-untyped-def]
    data: dict[str, object] = {
        "text": text,
        "indicators": list(indicators),
        "action": "continue",
        "shown_query": "",
    }
    data.update(extra)
    return client.post("/check/concern/", data)


def error_summary(response) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(href, message) of each link in the GOV.UK error summary."""
    html = html_of(response)
    if "govuk-error-summary" not in html:
        return []
    block = html[html.index("govuk-error-summary__list") :]
    block = block[: block.index("</ul>")]
    return [
        (href, re.sub(r"\s+", " ", unescape(text)).strip())
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', block, flags=re.S)
    ]


def inline_errors(response) -> list[str]:  # type: ignore[no-untyped-def]
    found = re.findall(
        r'<p id="[^"]*" class="govuk-error-message">\s*'
        r'<span class="govuk-visually-hidden">Error:</span>(.*?)</p>',
        html_of(response),
        flags=re.S,
    )
    return [re.sub(r"\s+", " ", unescape(f)).strip() for f in found]
