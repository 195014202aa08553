"""Traceability: every indicator's text is found at the line range it cites, in every pack."""

from __future__ import annotations

import pytest

from righthelp.framework.loader import pack_ids, packs_root
from righthelp.framework.provenance import provenance_problems
from righthelp.framework.schema import Transcription
from righthelp.framework.text import normalise, source_passage
from tests.helpers import embedded_packs


@pytest.mark.parametrize("pack", embedded_packs(), ids=lambda p: p.id)
def test_each_indicator_text_is_at_its_cited_lines(pack):
    lines = (packs_root() / pack.id / pack.metadata.source_file).read_text("utf-8").splitlines()
    for indicator in pack.indicators:
        passage = source_passage(lines, *indicator.source.lines)
        quotes = indicator.fragments or (indicator.text,)
        for quote in quotes:
            assert normalise(quote) in passage, (indicator.id, quote)
        if indicator.transcription is not Transcription.VERBATIM:
            assert indicator.fragments, indicator.id
    assert list(provenance_problems(pack, lines)) == []


def test_the_five_sources_each_have_a_pack():
    assert pack_ids() == [
        "county-levels-of-need-2021",
        "knowsley-2016",
        "luton-2017",
        "milton-keynes-2022",
        "stoke-on-trent-2018",
    ]


def test_embedded_source_is_the_copy_beside_the_pack():
    for pack in embedded_packs():
        assert (packs_root() / pack.id / pack.metadata.source_file).is_file()


def test_normalise_folds_quotes_dashes_space_and_markup():
    assert normalise("<p>Child’s  needs –\n “met”</p>") == 'Child\'s needs - "met"'
    assert normalise("Parents\tcope") == "Parents cope"
    assert normalise("Case") != normalise("case")  # words and case still matter
