"""The same concern under another partnership's document.

An observation ticked in one pack is carried to another pack's closest row: among rows that
share a Children in Need assessment-factor code with it, else a tag, else any row, the one
whose wording is closest (BM25 over stems) and, on a tie, whose level is nearest. The basis
of each correspondence is kept so the comparison explains itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from righthelp.framework.bm25 import index
from righthelp.framework.schema import Indicator, Pack
from righthelp.framework.search import stems

MIN_WORDING_SHARE = 0.34  # with nothing shared but wording, at least this much of it
LEVEL_DISTANCE_COST = 0.15  # against wording similarity normalised to 0..1


@dataclass(frozen=True)
class Correspondence:
    source: Indicator
    target: Indicator | None
    basis: str  # "cin:3A", "tag:domestic-abuse", "significant-harm", "wording", or "none"


def crosswalk(source: Pack, ids: Iterable[str], target: Pack) -> tuple[Correspondence, ...]:
    """For each observed id of `source`, the closest row of `target` (or none)."""
    rows = {i.id: i for i in source.indicators}
    unknown = sorted(set(ids) - rows.keys())
    if unknown:
        raise KeyError(f"unknown indicator id(s) for {source.id}: {', '.join(unknown)}")
    return tuple(_closest(rows[i], target) for i in sorted(set(ids)))


def _closest(indicator: Indicator, target: Pack) -> Correspondence:
    query = stems(indicator.text)
    bm25 = index(target)
    # a strength maps to strengths, a concern to concerns
    strength = "strengths" in indicator.tags
    rows = [i for i in target.indicators if ("strengths" in i.tags) == strength]
    pools: list[tuple[str, list[Indicator]]] = []
    if indicator.red_flag:
        # significant harm is statutory, the same in every partnership: it maps to a red flag
        flagged = [i for i in rows if i.red_flag]
        pools += [
            ("cin", _sharing_codes(flagged, indicator)),
            ("tag", _sharing_tags(flagged, indicator)),
            ("significant-harm", flagged),
        ]
    else:
        pools += [("cin", _sharing_codes(rows, indicator)), ("tag", _sharing_tags(rows, indicator))]
    for kind, pool in pools:
        if pool:
            best = _best(pool, indicator, bm25.scores(query, frozenset(i.id for i in pool)))
            if kind == "significant-harm":
                return Correspondence(indicator, best, kind)
            mine = indicator.cin_codes if kind == "cin" else indicator.tags
            theirs = best.cin_codes if kind == "cin" else best.tags
            shared = sorted(set(mine) & set(theirs) - {"strengths"})
            return Correspondence(indicator, best, f"{kind}:{shared[0]}")
    scores = bm25.scores(query, frozenset(i.id for i in rows))
    if scores:
        best_id = max(scores, key=lambda i: (scores[i], i))
        if bm25.coverage(query, best_id) >= MIN_WORDING_SHARE:
            return Correspondence(indicator, next(i for i in rows if i.id == best_id), "wording")
    return Correspondence(indicator, None, "none")


def _sharing_codes(rows: list[Indicator], indicator: Indicator) -> list[Indicator]:
    return [i for i in rows if set(i.cin_codes) & set(indicator.cin_codes)]


def _sharing_tags(rows: list[Indicator], indicator: Indicator) -> list[Indicator]:
    wanted = set(indicator.tags) - {"strengths"}
    return [i for i in rows if set(i.tags) & wanted]


def _best(pool: list[Indicator], indicator: Indicator, scores: dict[str, float]) -> Indicator:
    """Closest wording, with a cost for each level of distance (levels are the point)."""
    top = max(scores.values(), default=0.0) or 1.0
    return min(
        pool,
        key=lambda i: (
            -(scores.get(i.id, 0.0) / top) + LEVEL_DISTANCE_COST * abs(i.level - indicator.level),
            i.id,
        ),
    )
