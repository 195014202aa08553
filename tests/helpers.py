"""Helpers for parametrising tests over the embedded packs, and a tiny harm model."""

from __future__ import annotations

from righthelp.framework.loader import get_pack, pack_ids
from righthelp.framework.schema import Pack
from righthelp.narrative import harm_model


def embedded_packs() -> list[Pack]:
    return [get_pack(pack_id) for pack_id in pack_ids()]


def indicator_packs() -> list[Pack]:
    return [pack for pack in embedded_packs() if pack.has_indicator_tables]


# Long enough for the harm model (it learned from narratives, not one-liners); "zorbled" stands
# for words of harm that no phrase of the lexicon knows.
FILLER = (
    "Class teacher's note for the file. Tia is in Year 4 and usually settled. She reads well and "
    "has two close friends in class. Attendance is good this term and she is always on time. "
)
# A Level 2 worry that the note's own closing line says was met
CLOSED_NOTE = (
    "Mum (29) says she feels tearful and tired some days since the baby was born. "
    "She has seen her GP and is keen to try the baby massage group. "
    "Lovely interaction observed, home warm and clean. Plan: universal HV pathway."
)
UNFORESEEN = FILLER + "At lunch she said the man downstairs zorbled her again on Sunday."


def tiny_harm_model(**overrides: object) -> harm_model.HarmModel:
    """A model that knows one word of harm ("zorbled") and one of comfort ("reads")."""
    data: dict[str, object] = {
        "weights": {"zorbled": [1.0, 8.0], "reads": [1.0, -1.0]},
        "intercept": -1.0,
        "threshold": 0.5,
        "common_words": ["mum", "dad", "teacher"],
        "trained_on": ["dev"],
        "narratives": 1,
        "min_words": 30,
    }
    data.update(overrides)
    return harm_model.from_dict(data)
