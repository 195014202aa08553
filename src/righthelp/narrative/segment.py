"""Preparing a practitioner's text and cutting it into sentences and clauses, with offsets.

All offsets are into the text as the practitioner gave it, so evidence can be highlighted
in their own words. Markup is blanked out character for character (not removed) for the
same reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_CHARS = 20_000  # ~3,000 words: a long referral. Longer text is analysed up to here.

_TAG = re.compile(r"<[^>]{0,200}>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n\s*\n|\n(?=\s*[-*•]\s)|\n")
# Clause boundaries: scope of a negation or of a subject ends here.
_CLAUSE_BREAK = re.compile(
    r"[;]|,\s*(?=(?:but|however|although|though|whereas|yet|and|which|who|as)\b)|"
    r"\s(?=(?:but|however|although|though|whereas|except|apart from|yet)\b)|"
    # "the mother left years ago and there is no family locally": two facts, two times
    r"\s(?=and there (?:is|are|was|were|has|have)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


class NarrativeInputError(ValueError):
    """Text that cannot be analysed (empty, or not text at all)."""


@dataclass(frozen=True)
class Prepared:
    text: str  # the analysable text: same length as the original up to the cap
    truncated: bool
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def prepare(raw: str | bytes) -> Prepared:
    """Validate and mask a narrative. Raises NarrativeInputError for unusable input."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise NarrativeInputError("the text is not UTF-8 text (binary data?)") from None
    if not raw.strip():
        raise NarrativeInputError("the text is empty: describe what you saw or were told")
    controls = sum(1 for c in raw if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    if controls > max(5, len(raw) // 100):
        raise NarrativeInputError("the text contains binary data, not words")
    warnings: list[str] = []
    truncated = len(raw) > MAX_CHARS
    text = raw[:MAX_CHARS]
    if truncated:
        warnings.append(
            f"Only the first {MAX_CHARS:,} characters of {len(raw):,} were analysed: "
            "read the rest yourself or split it."
        )
    masked = _SCRIPT.sub(lambda m: " " * len(m.group()), text)
    masked = _TAG.sub(lambda m: " " * len(m.group()), masked)
    masked = "".join(" " if unicodedata.category(c) == "Cc" and c != "\n" else c for c in masked)
    if masked != text:
        warnings.append("Markup or control characters were ignored.")
    if not _looks_english(masked):
        warnings.append(
            "The text does not look like English: RightHelp reads English only, so few or no "
            "indicators may be found. Translate it or tick indicators yourself."
        )
    return Prepared(masked, truncated, tuple(warnings))


_COMMON = frozenset(
    {"the", "and", "to", "of", "a", "in", "is", "was", "he", "she", "her", "his", "with"}
    | {"for", "on", "at", "that", "they", "not"}
)


def _looks_english(text: str) -> bool:
    words = _WORD.findall(text.lower())
    if len(words) < 8:
        return bool(words)
    return sum(1 for w in words if w in _COMMON) / len(words) > 0.06


def sentences(text: str) -> list[Span]:
    return _split(text, _SENTENCE_END, 0, len(text))


def clauses(text: str, sentence: Span) -> list[Span]:
    return _split(text, _CLAUSE_BREAK, sentence.start, sentence.end)


def _split(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[Span]:
    spans = []
    cursor = start
    for match in pattern.finditer(text, start, end):
        spans.append(_trimmed(text, cursor, match.start()))
        cursor = match.end()
    spans.append(_trimmed(text, cursor, end))
    return [s for s in spans if s.text]


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str  # lower case


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    lowered = text.lower()
    stop = len(text) if end is None else end
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(lowered, start, stop)]
