"""Traceability: every quoted field of a pack is found at the line range it cites.

Quoted fields are the document's own words: indicator rows (or, for damaged extractions,
their fragments), level titles, rules, pathway steps, guidance items, disability matrix
cells, ignored table text and contact phone numbers. Comparison is after `normalise`
(whitespace, quotes, dashes, HTML); words and case must match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from righthelp.framework.schema import Pack, SourceRef, Transcription
from righthelp.framework.text import normalise, source_passage

_DIGITS = re.compile(r"\D")


def provenance_problems(pack: Pack, lines: list[str]) -> Iterator[tuple[str, str]]:
    """Yield (path, reason) for each reference out of range or quote not found."""
    yield from _ranges_in_file(pack, "", len(lines))
    passages: dict[tuple[int, int], str] = {}  # many rows cite the same long table line
    for path, quote, ref in _quotes(pack):
        first, last = ref.lines
        if last > len(lines):
            continue  # already reported as out of range
        if ref.lines not in passages:
            passages[ref.lines] = source_passage(lines, first, last)
        if normalise(quote) not in passages[ref.lines]:
            yield path, f"text {_short(quote)!r} not found at {ref.label} of the source"
    for n, contact in enumerate(pack.contacts):
        first, last = contact.source.lines
        if contact.phone and last <= len(lines):
            digits = _DIGITS.sub("", contact.phone)
            if digits not in _DIGITS.sub("", " ".join(lines[first - 1 : last])):
                yield f"contacts[{n}].phone", f"{contact.phone} not found at {contact.source.label}"


def _quotes(pack: Pack) -> Iterator[tuple[str, str, SourceRef]]:
    for n, ind in enumerate(pack.indicators):
        if ind.transcription is Transcription.VERBATIM:
            yield f"indicators[{n}].text", ind.text, ind.source
        for k, fragment in enumerate(ind.fragments):
            yield f"indicators[{n}].fragments[{k}]", fragment, ind.source
    for n, level in enumerate(pack.levels):
        if level.title:
            yield f"levels[{n}].title", level.title, level.source
        for k, step in enumerate(level.response.pathway):
            yield f"levels[{n}].response.pathway[{k}].text", step.text, step.source
    for n, rule in enumerate(pack.rules):
        yield f"rules[{n}].text", rule.text, rule.source
    for n, guidance in enumerate(pack.guidance):
        for k, item in enumerate(guidance.items):
            yield f"guidance[{n}].items[{k}].text", item.text, item.source
    for n, ignored in enumerate(pack.ignored_text):
        yield f"ignored_text[{n}].text", ignored.text, ignored.source
    matrix = pack.disability_matrix
    if matrix:
        for n, area in enumerate(matrix.outcome_areas):
            for k, row in enumerate(area.rows):
                for band in ("low", "moderate", "high"):
                    cell = getattr(row, band)
                    if cell:
                        yield (
                            f"disability_matrix.outcome_areas[{n}].rows[{k}].{band}",
                            cell,
                            row.source,
                        )
        for n, overall in enumerate(matrix.overall_need):
            yield (
                f"disability_matrix.overall_need[{n}].description",
                overall.description,
                overall.source,
            )


def _ranges_in_file(node: Any, path: str, line_count: int) -> Iterator[tuple[str, str]]:
    """Every SourceRef anywhere in the pack must lie inside the source file."""
    if isinstance(node, SourceRef):
        if node.lines[1] > line_count:
            yield path, f"{node.label} is beyond the end of the source ({line_count} lines)"
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            child = f"{path}.{name}" if path else name
            yield from _ranges_in_file(getattr(node, name), child, line_count)
    elif isinstance(node, tuple):
        for n, item in enumerate(node):
            yield from _ranges_in_file(item, f"{path}[{n}]", line_count)


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
