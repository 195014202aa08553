"""Each pack's example cases (tests/cases/<pack>.yaml) give their intended level.

The cases are practitioners' descriptions of children, with the indicators a careful reader
of that document would tick; they are written for these tests, not taken from the sources
(the sources' own case examples are withheld to evaluate the product).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from righthelp.engine import Context, Urgency, assess
from righthelp.framework.loader import get_pack
from tests.helpers import indicator_packs

CASES = Path(__file__).parent / "cases"


def _cases(pack_id: str) -> list[dict]:  # type: ignore[type-arg]
    path = CASES / f"{pack_id}.yaml"
    return yaml.safe_load(path.read_text("utf-8"))["cases"] if path.is_file() else []


ALL_CASES = [
    pytest.param(pack.id, case, id=case["id"])
    for pack in indicator_packs()
    for case in _cases(pack.id)
]


@pytest.mark.parametrize("pack", indicator_packs(), ids=lambda p: p.id)
def test_every_indicator_pack_has_three_cases_per_level(pack):
    levels = Counter(case["expected_level"] for case in _cases(pack.id))
    assert all(levels[n] >= 3 for n in (1, 2, 3, 4)), levels


@pytest.mark.parametrize(("pack_id", "case"), ALL_CASES)
def test_case_gives_its_intended_level(pack_id, case):
    pack = get_pack(pack_id)
    context = Context(**case.get("context", {}))
    decision = assess(pack, case["indicators"], age=case.get("age"), context=context)
    explanation = [r.text for r in decision.reasons]
    assert decision.level == case["expected_level"], explanation
    if decision.red_flags:
        assert decision.urgency is Urgency.IMMEDIATE


@pytest.mark.parametrize("pack", indicator_packs(), ids=lambda p: p.id)
def test_each_red_flag_buried_among_level_one_gives_level_four(pack):
    level_one = [i.id for i in pack.indicators if i.level == 1]
    red_flags = [i for i in pack.indicators if i.red_flag]
    assert red_flags, f"{pack.id} has no red-flag indicators"
    for red in red_flags:
        decision = assess(pack, [*level_one, red.id], age=10)
        assert decision.level == 4, red.id
        assert decision.urgency is Urgency.IMMEDIATE, red.id
        assert decision.immediate_action[0] == "If a child is in immediate danger, call 999."
        front_door = [c for c in decision.contacts if not c.emergency]
        assert front_door, f"{pack.id}: no front-door contact after 999"


@pytest.mark.parametrize("pack", indicator_packs(), ids=lambda p: p.id)
def test_level_one_indicators_alone_stay_at_level_one(pack):
    level_one = [i.id for i in pack.indicators if i.level == 1]
    assert assess(pack, level_one).level == 1


@pytest.mark.parametrize("pack", indicator_packs(), ids=lambda p: p.id)
@pytest.mark.parametrize("age", [0, 5, 10, 12, 15])
def test_level_one_indicators_stay_at_level_one_at_any_age(pack, age):
    # Bug found by the narrative work: "behaviour appropriate to age" rows are tagged
    # sexual-activity, and the under-13 rule made such a strength a red flag.
    level_one = [i.id for i in pack.indicators if i.level == 1]
    decision = assess(pack, level_one, age=age)
    assert decision.level == 1, [r.text for r in decision.reasons]
