"""Coverage: the indicator tables of the sources are fully encoded."""

from __future__ import annotations

import pytest
import yaml

from righthelp.framework.coverage import coverage
from righthelp.framework.loader import get_pack, load_pack, packs_root
from tests.conftest import MINI

COMPLETE = ["stoke-on-trent-2018", "knowsley-2016", "luton-2017"]


def _lines(pack):  # type: ignore[no-untyped-def]
    return (packs_root() / pack.id / pack.metadata.source_file).read_text("utf-8").splitlines()


@pytest.mark.parametrize("pack_id", COMPLETE)
def test_no_uncovered_indicator_line(pack_id):
    pack = get_pack(pack_id)
    report = coverage(pack, _lines(pack))
    assert pack.indicator_tables, "the pack names its indicator tables"
    assert report.uncovered == (), report.uncovered[:5]


def test_removing_an_indicator_shows_its_line_as_uncovered(mini_copy):
    path = mini_copy / "indicators.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["indicators"] = [i for i in data["indicators"] if i["id"] != "l3-family-debt"]
    path.write_text(yaml.safe_dump(data), "utf-8")
    pack = load_pack(mini_copy)
    report = coverage(pack, (mini_copy / "mini-2020.txt").read_text("utf-8").splitlines())
    assert [u.line for u in report.uncovered] == [15]
    assert report.uncovered[0].words == "Serious debt impacting care"


def test_counts_by_level_and_domain(mini_pack):
    report = coverage(mini_pack, (MINI / "mini-2020.txt").read_text("utf-8").splitlines())
    assert report.by_level_and_domain[(4, "health")] == 1
    assert report.counts_by_level == {1: 4, 2: 5, 3: 3, 4: 4}
    assert report.complete
