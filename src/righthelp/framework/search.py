"""Finding indicators by words: what a practitioner types into a search box.

Words are lower-cased, stop words dropped and stemmed (Snowball English), so "drinking"
finds "drinks". An indicator scores the share of the query's stems it contains, with a
small bonus for stems in its tags; ties keep the pack's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import snowballstemmer

from righthelp.framework.schema import Indicator, Pack
from righthelp.framework.text import normalise

_WORD = re.compile(r"[a-z0-9]+")
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "in",
        "into",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "she",
        "so",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "you",
        "your",
    ]
)
_STEMMER = snowballstemmer.stemmer("english")


@cache
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of a text, keeping stop words (positions matter elsewhere)."""
    return _WORD.findall(normalise(text).lower())


def stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text) if t not in STOP_WORDS]


@dataclass(frozen=True)
class SearchHit:
    indicator: Indicator
    score: float


def search_indicators(pack: Pack, query: str, limit: int = 20) -> list[SearchHit]:
    wanted = set(stems(query))
    if not wanted:
        return []
    hits = []
    for position, indicator in enumerate(pack.indicators):
        have = set(stems(indicator.text))
        tag_stems = {stem(part) for tag in indicator.tags for part in tag.split("-")}
        found = len(wanted & have) + 0.5 * len((wanted - have) & tag_stems)
        if found:
            hits.append((-(found / len(wanted)), position, indicator))
    hits.sort(key=lambda h: (h[0], h[1]))
    return [SearchHit(indicator, -score) for score, _, indicator in hits[:limit]]
