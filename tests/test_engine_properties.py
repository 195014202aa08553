"""Properties of the engine that hold for every pack and every input (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from righthelp.engine import AssessmentInputError, Context, Urgency, assess
from righthelp.framework.loader import load_pack
from tests.conftest import MINI
from tests.helpers import indicator_packs

PACKS = [load_pack(MINI), *indicator_packs()]
ages = st.one_of(st.none(), st.integers(min_value=0, max_value=25))
contexts = st.builds(Context, st.booleans(), st.booleans())


def _ids(pack):  # type: ignore[no-untyped-def]
    return st.lists(st.sampled_from([i.id for i in pack.indicators]), max_size=12, unique=True)


each_pack = pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)


@each_pack
@settings(max_examples=60, deadline=None)
@given(data=st.data(), age=ages, context=contexts)
def test_adding_an_indicator_never_lowers_the_level(pack, data, age, context):
    ids = data.draw(_ids(pack))
    extra = data.draw(st.sampled_from([i.id for i in pack.indicators]))
    before = assess(pack, ids, age=age, context=context).level or 0
    after = assess(pack, [*ids, extra], age=age, context=context).level or 0
    assert after >= before


@each_pack
@settings(max_examples=60, deadline=None)
@given(data=st.data(), age=ages, context=contexts)
def test_a_red_flag_always_gives_level_four_immediate(pack, data, age, context):
    red = [i.id for i in pack.indicators if i.red_flag]
    if not red:
        pytest.skip("pack has no red-flag rows")
    ids = [*data.draw(_ids(pack)), data.draw(st.sampled_from(red))]
    decision = assess(pack, ids, age=age, context=context)
    assert decision.level == 4
    assert decision.urgency is Urgency.IMMEDIATE
    assert decision.immediate_action[0].startswith("If a child is in immediate danger, call 999")
    assert decision.contacts[0].phone == "999"


@each_pack
@settings(max_examples=40, deadline=None)
@given(data=st.data(), age=ages, context=contexts)
def test_result_does_not_depend_on_input_order(pack, data, age, context):
    ids = data.draw(_ids(pack))
    shuffled = data.draw(st.permutations(ids))
    assert assess(pack, ids, age=age, context=context) == assess(
        pack, shuffled, age=age, context=context
    )


@each_pack
@settings(max_examples=30, deadline=None)
@given(data=st.data(), junk=st.text(min_size=1, max_size=20))
def test_unknown_ids_are_named_in_the_error(pack, data, junk):
    known = {i.id for i in pack.indicators}
    if junk in known:
        return
    with pytest.raises(AssessmentInputError) as caught:
        assess(pack, [*data.draw(_ids(pack)), junk])
    assert caught.value.unknown_ids == (junk,)


@each_pack
@settings(max_examples=30, deadline=None)
@given(age=st.one_of(st.integers(max_value=-1), st.integers(min_value=26)))
def test_invalid_ages_give_a_clear_error(pack, age):
    with pytest.raises(AssessmentInputError, match=f"invalid age {age}"):
        assess(pack, [pack.indicators[0].id], age=age)
