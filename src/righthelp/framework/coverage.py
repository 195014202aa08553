"""Coverage of a source's indicator tables by a pack.

The pack names the line ranges of its source's indicator tables. Every word of three or more
letters in those ranges must be covered by something the pack holds at that place: an
indicator's text (or fragments), a domain's name, or `ignored_text` (headers, page numbers)
with its reason. What is left is reported, line by line, as uncovered.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from righthelp.framework.schema import Pack, SourceRef
from righthelp.framework.text import normalise

_WORD = re.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True)
class UncoveredLine:
    line: int
    words: str


@dataclass(frozen=True)
class CoverageReport:
    pack_id: str
    by_level_and_domain: dict[tuple[int, str], int]
    uncovered: tuple[UncoveredLine, ...]
    damaged: int = 0
    red_flags: int = 0
    table_lines: int = 0
    counts_by_level: dict[int, int] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.uncovered


def coverage(pack: Pack, lines: list[str]) -> CoverageReport:
    counts: Counter[tuple[int, str]] = Counter((i.level, i.domain) for i in pack.indicators)
    uncovered: list[UncoveredLine] = []
    table_lines = 0
    for table in pack.indicator_tables:
        first, last = table.lines
        table_lines += last - first + 1
        uncovered += _uncovered_in(pack, lines, table)
    return CoverageReport(
        pack_id=pack.id,
        by_level_and_domain=dict(sorted(counts.items())),
        uncovered=tuple(uncovered),
        damaged=sum(1 for i in pack.indicators if i.transcription.value != "verbatim"),
        red_flags=sum(1 for i in pack.indicators if i.red_flag),
        table_lines=table_lines,
        counts_by_level=dict(sorted(Counter(i.level for i in pack.indicators).items())),
    )


def _covering_texts(pack: Pack) -> list[tuple[str, SourceRef]]:
    texts: list[tuple[str, SourceRef]] = []
    for ind in pack.indicators:
        pieces = ind.fragments or (ind.text,)
        texts += [(piece, ind.source) for piece in pieces]
    texts += [(d.name, d.source) for d in pack.domains if d.source]
    texts += [(i.text, i.source) for i in pack.ignored_text]
    return texts


def _uncovered_in(pack: Pack, lines: list[str], table: SourceRef) -> list[UncoveredLine]:
    first, last = table.lines
    last = min(last, len(lines))
    # One string for the table, one normalised line after another, with each line's span.
    spans: list[tuple[int, int, int]] = []  # (line number, start, end)
    joined = ""
    for number in range(first, last + 1):
        text = normalise(lines[number - 1])
        spans.append((number, len(joined), len(joined) + len(text)))
        joined += text + " "
    covered = bytearray(len(joined))
    for text, ref in _covering_texts(pack):
        lo, hi = _bounds(spans, ref)
        if lo is None or hi is None:
            continue
        needle = normalise(text)
        start = joined.find(needle, lo, hi)
        while needle and start != -1:
            covered[start : start + len(needle)] = b"\1" * len(needle)
            start = joined.find(needle, start + 1, hi)
    result = []
    for number, start, end in spans:
        rest = "".join(" " if covered[k] else joined[k] for k in range(start, end))
        words = _WORD.findall(rest)
        if words:
            result.append(UncoveredLine(number, " ".join(words)))
    return result


def _bounds(spans: list[tuple[int, int, int]], ref: SourceRef) -> tuple[int | None, int | None]:
    """Character bounds in the table string of the lines a reference cites."""
    inside = [s for s in spans if ref.lines[0] <= s[0] <= ref.lines[1]]
    if not inside:
        return None, None
    return inside[0][1], inside[-1][2]
