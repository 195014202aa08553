"""The same concern under another partnership's document."""

from __future__ import annotations

import pytest

from righthelp.framework.crosswalk import crosswalk
from tests.helpers import indicator_packs

PACKS = indicator_packs()


@pytest.mark.parametrize("source", PACKS, ids=lambda p: p.id)
def test_red_flags_stay_red_flags_in_every_other_pack(source):
    red = [i.id for i in source.indicators if i.red_flag]
    for target in PACKS:
        if target.id == source.id:
            continue
        for match in crosswalk(source, red, target):
            if match.target is not None:
                assert match.target.red_flag, (source.id, match.source.id, target.id)


@pytest.mark.parametrize("source", PACKS, ids=lambda p: p.id)
def test_strengths_map_to_strengths_and_concerns_to_concerns(source):
    ids = [i.id for i in source.indicators]
    for target in PACKS:
        for match in crosswalk(source, ids, target):
            if match.target is not None:
                assert ("strengths" in match.source.tags) == ("strengths" in match.target.tags)


def test_basis_names_what_is_shared():
    stoke, knowsley = (
        next(p for p in PACKS if p.id == i) for i in ("stoke-on-trent-2018", "knowsley-2016")
    )
    [match] = crosswalk(stoke, ["l2-par-incidents-of-domestic-violence"], knowsley)
    assert match.basis.startswith("cin:3") or match.basis == "tag:domestic-abuse"
    assert match.target is not None and "domestic-abuse" in match.target.tags


def test_unknown_ids_are_named():
    with pytest.raises(KeyError, match="nope"):
        crosswalk(PACKS[0], ["nope"], PACKS[1])
