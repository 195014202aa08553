"""Comparing two packs: two versions of one document, or two partnerships.

Two versions of one pack are compared by stable id (added, removed, changed). Two
partnerships are compared by what they have in common: for each Children in Need
assessment-factor code and each tag, the lowest level at which each document places it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from righthelp.framework.schema import Indicator, Pack


@dataclass(frozen=True)
class IdDiff:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[tuple[str, tuple[str, ...]], ...]  # id, names of fields that differ


@dataclass(frozen=True)
class ConceptRow:
    concept: str  # "cin:3A" or "tag:domestic-abuse"
    levels_a: tuple[int, ...]
    levels_b: tuple[int, ...]

    @property
    def lowest_a(self) -> int | None:
        return min(self.levels_a) if self.levels_a else None

    @property
    def lowest_b(self) -> int | None:
        return min(self.levels_b) if self.levels_b else None

    @property
    def differs(self) -> bool:
        return self.lowest_a != self.lowest_b


def diff_versions(old: Pack, new: Pack) -> IdDiff:
    before = {i.id: i for i in old.indicators}
    after = {i.id: i for i in new.indicators}
    changed = []
    for indicator_id in sorted(before.keys() & after.keys()):
        a, b = before[indicator_id].model_dump(), after[indicator_id].model_dump()
        fields = tuple(k for k in a if a[k] != b[k])
        if fields:
            changed.append((indicator_id, fields))
    return IdDiff(
        added=tuple(sorted(after.keys() - before.keys())),
        removed=tuple(sorted(before.keys() - after.keys())),
        changed=tuple(changed),
    )


def compare_concepts(a: Pack, b: Pack) -> list[ConceptRow]:
    levels_a, levels_b = _concept_levels(a.indicators), _concept_levels(b.indicators)
    return [
        ConceptRow(
            concept,
            tuple(sorted(levels_a.get(concept, ()))),
            tuple(sorted(levels_b.get(concept, ()))),
        )
        for concept in sorted(levels_a.keys() | levels_b.keys())
    ]


def _concept_levels(indicators: Iterable[Indicator]) -> dict[str, set[int]]:
    levels: dict[str, set[int]] = {}
    for indicator in indicators:
        concepts = [f"cin:{c}" for c in indicator.cin_codes] + [f"tag:{t}" for t in indicator.tags]
        for concept in concepts:
            levels.setdefault(concept, set()).add(indicator.level)
    return levels
