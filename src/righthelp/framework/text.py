"""Normalisation used to compare pack wording with the extracted source text.

The sources are PDF and web extractions: typographic quotes, several kinds of dash, HTML
fragments and hard line wraps. Comparison ignores those differences and nothing else:
case and words must match, so a pack cannot drift from the document's wording.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "`": "'", "“": '"', "”": '"', "„": '"'})
_DASHES = re.compile(r"[‐‑‒–—―−]")
_BULLETS = re.compile(r"[•·]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Collapse whitespace, quotes, dashes, bullets and HTML markup; keep words and case."""
    text = html.unescape(_TAG.sub(" ", text))
    text = _BULLETS.sub(" ", _DASHES.sub("-", text.translate(_QUOTES)))
    text = text.replace("*", " ")  # markdown emphasis in the extracted text
    return _SPACE.sub(" ", text).strip()


def source_passage(lines: list[str], first: int, last: int) -> str:
    """The normalised text of a 1-based inclusive line range, lines joined by a space."""
    return normalise(" ".join(lines[first - 1 : last]))
