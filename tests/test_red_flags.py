"""The significant-harm checklist shown after a narrative."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from righthelp.cli.main import cli
from righthelp.framework.red_flags import red_flag_groups, unchecked
from tests.helpers import indicator_packs


@pytest.mark.parametrize("pack", indicator_packs(), ids=lambda p: p.id)
def test_every_red_flag_row_is_in_exactly_one_group(pack):
    grouped = [i.id for g in red_flag_groups(pack) for i in g.indicators]
    assert sorted(grouped) == sorted(i.id for i in pack.indicators if i.red_flag)
    assert all(g.question.endswith("?") for g in red_flag_groups(pack))


@pytest.mark.parametrize("pack", indicator_packs(), ids=lambda p: p.id)
def test_a_found_concept_is_not_asked_again(pack):
    groups = red_flag_groups(pack)
    first = groups[0].indicators[0].id
    remaining = unchecked(pack, [first])
    assert groups[0].concept not in {g.concept for g in remaining}
    assert len(remaining) == len(groups) - 1


def test_assess_text_without_a_red_flag_asks_the_checklist():
    result = CliRunner().invoke(
        cli,
        ["assess", "luton-2017", "--text", "-", "--json"],
        input="Tyler (9) is late most days and his uniform is unwashed.",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["red_flags_to_check"]
    assert any(g["concept"] == "fgm" for g in data["red_flags_to_check"])
