"""The significant-harm checklist of a pack: its red-flag rows, grouped by concept.

Narrative analysis can miss what the words do not plainly say. After it, the practitioner is
asked about every significant-harm concept the text did not evidence, so that no red flag is
left to the analyser alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from righthelp import reference
from righthelp.framework.schema import Indicator, Pack

OTHER = "other-significant-harm"


@dataclass(frozen=True)
class RedFlagGroup:
    concept: str  # a red-flag tag, or OTHER
    question: str
    indicators: tuple[Indicator, ...]


def red_flag_groups(pack: Pack) -> tuple[RedFlagGroup, ...]:
    """The pack's red-flag rows grouped by their first significant-harm tag, in vocabulary order."""
    vocabulary = reference.tags()
    red_tags = [t for t in vocabulary if vocabulary[t].red_flag]
    groups: dict[str, list[Indicator]] = {}
    for indicator in pack.indicators:
        if not indicator.red_flag:
            continue
        concept = next((t for t in red_tags if t in indicator.tags), OTHER)
        groups.setdefault(concept, []).append(indicator)
    order = [*red_tags, OTHER]
    return tuple(
        RedFlagGroup(concept, _question(concept), tuple(groups[concept]))
        for concept in order
        if concept in groups
    )


def unchecked(pack: Pack, found_ids: Iterable[str]) -> tuple[RedFlagGroup, ...]:
    """The groups none of whose rows were found: what to ask the practitioner about."""
    found = set(found_ids)
    return tuple(g for g in red_flag_groups(pack) if not any(i.id in found for i in g.indicators))


def _question(concept: str) -> str:
    if concept == OTHER:
        return "Any other sign of significant harm this document names?"
    return f"{reference.tags()[concept].description}?"
