"""The decision engine on the synthetic mini pack: each rule, and each input error."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from righthelp.engine import AssessmentInputError, Consent, Context, ReasonCode, Urgency, assess
from righthelp.engine.override import Override
from righthelp.engine.serialise import decision_to_dict
from righthelp.framework.loader import get_pack
from righthelp.framework.schema import RuleKind

L1_ALL = ["l1-learning-good-attendance", "l1-health-diet", "l1-parenting-warm", "l1-family-housing"]


def codes(decision):  # type: ignore[no-untyped-def]
    return [r.code for r in decision.reasons]


def test_level_one_indicators_give_level_one_routine(mini_pack):
    decision = assess(mini_pack, L1_ALL)
    assert decision.level == 1
    assert decision.level_name == "Universal"
    assert decision.urgency is Urgency.ROUTINE
    assert decision.immediate_action == ()
    assert ReasonCode.HIGHEST_LEVEL in codes(decision)


def test_highest_level_present_is_the_level(mini_pack):
    decision = assess(mini_pack, ["l1-health-diet", "l2-learning-late", "l3-family-debt"])
    assert decision.level == 3
    highest = next(r for r in decision.reasons if r.code is ReasonCode.HIGHEST_LEVEL)
    assert highest.indicator_ids == ("l3-family-debt",)
    assert "Serious debt impacting on care" in highest.text


def test_red_flag_buried_among_level_one_gives_level_four_immediate(mini_pack):
    decision = assess(mini_pack, [*L1_ALL, "l4-health-unexplained-bruises"])
    assert decision.level == 4
    assert decision.urgency is Urgency.IMMEDIATE
    assert decision.red_flags == ("l4-health-unexplained-bruises",)
    assert decision.immediate_action[0] == "If a child is in immediate danger, call 999."
    assert "01234 567890" in decision.immediate_action[1]  # the MASH, straight after 999
    assert any("Out of hours" in line for line in decision.immediate_action)
    red = next(r for r in decision.reasons if r.code is ReasonCode.RED_FLAG)
    assert red.source is not None and red.source.lines == (13, 13)
    assert red.rule_id == "harm"
    assert decision.contacts[0].phone == "999"


def test_evidence_is_grouped_by_domain_in_pack_order(mini_pack):
    decision = assess(mini_pack, ["l3-family-debt", "l2-learning-late", "l2-health-substance"])
    assert [d.id for d, _ in decision.by_domain()] == ["learning", "health", "family"]


def test_cumulative_lower_level_needs_across_groups_step_up(mini_pack):
    ids = ["l2-learning-late", "l2-parenting-struggling", "l2-family-low-income"]
    decision = assess(mini_pack, ids)
    assert decision.level == 3
    cumulative = next(r for r in decision.reasons if r.code is ReasonCode.CUMULATIVE)
    assert cumulative.rule_id == "cumulative"
    assert set(cumulative.indicator_ids) == set(ids)


def test_cumulative_needs_several_groups(mini_pack):
    # three level 2 needs, but all about the child: not "across several domains"
    decision = assess(
        mini_pack, ["l2-learning-late", "l2-health-substance", "l2-health-sex-under-16"], age=15
    )
    assert decision.level == 2
    assert ReasonCode.CUMULATIVE not in codes(decision)


def test_cumulative_never_exceeds_its_max_level(mini_pack):
    ids = ["l3-learning-persistent-absence", "l3-parenting-substance", "l3-family-debt"]
    assert assess(mini_pack, ids).level == 3


def test_step_up_when_early_help_not_improving(mini_pack):
    decision = assess(
        mini_pack, ["l2-learning-late"], context=Context(early_help_not_improving=True)
    )
    assert decision.level == 3
    step = next(r for r in decision.reasons if r.code is ReasonCode.STEP_UP)
    assert step.rule_id == "step-up"


def test_previous_plan_sets_a_floor(mini_pack):
    decision = assess(mini_pack, ["l1-health-diet"], context=Context(previous_cp_plan=True))
    assert decision.level == 3
    assert ReasonCode.PREVIOUS_CP_PLAN in codes(decision)


def test_age_rule_makes_sexual_activity_under_13_a_red_flag(mini_pack):
    decision = assess(mini_pack, ["l2-health-sex-under-16"], age=12)
    assert decision.level == 4
    assert decision.urgency is Urgency.IMMEDIATE
    age_reason = next(r for r in decision.reasons if r.code is ReasonCode.AGE_RULE)
    assert age_reason.rule_id == "under-13"
    assert assess(mini_pack, ["l2-health-sex-under-16"], age=14).level == 2


def test_age_outside_an_indicators_bounds_warns_but_keeps_it(mini_pack):
    decision = assess(mini_pack, ["l2-health-sex-under-16"], age=17)
    assert decision.level == 2
    assert [w.code for w in decision.warnings] == [ReasonCode.AGE_OUTSIDE_BOUNDS]


def test_single_level_four_factor_needs_judgement(mini_pack):
    decision = assess(mini_pack, ["l2-learning-late", "l4-family-homeless"])
    assert decision.level == 4
    assert decision.urgency is Urgency.SAME_DAY
    assert ReasonCode.SINGLE_LEVEL4_JUDGEMENT in codes(decision)
    two = assess(mini_pack, ["l4-family-homeless", "l4-learning-educational-neglect"])
    assert ReasonCode.SINGLE_LEVEL4_JUDGEMENT not in codes(two)


def test_no_indicators_gives_no_level(mini_pack):
    decision = assess(mini_pack, [])
    assert decision.level is None
    assert codes(decision)[0] is ReasonCode.NO_INDICATORS


def test_unknown_ids_are_named(mini_pack):
    with pytest.raises(AssessmentInputError) as caught:
        assess(mini_pack, ["l1-health-diet", "made-up", "also-made-up"])
    assert caught.value.unknown_ids == ("also-made-up", "made-up")
    assert "made-up" in str(caught.value)


@pytest.mark.parametrize("age", [-1, 26, True, 3.5, "12"])
def test_invalid_ages_are_rejected(mini_pack, age):
    with pytest.raises(AssessmentInputError, match="invalid age"):
        assess(mini_pack, ["l1-health-diet"], age=age)


def test_deadlines_as_durations_and_due_times(mini_pack):
    ids = ["l4-health-unexplained-bruises"]
    assert assess(mini_pack, ids).deadlines[0].due is None
    decision = assess(mini_pack, ids, start=datetime(2026, 11, 23, 9, 30))
    [deadline] = decision.deadlines
    assert deadline.timescale.label_duration == "within 48 hours"
    assert deadline.due == datetime(2026, 11, 25, 9, 30)


def test_decision_is_immutable_and_serialisable(mini_pack):
    decision = assess(mini_pack, ["l3-family-debt"], age=7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.level = 1  # type: ignore[misc]
    data = decision_to_dict(decision)
    assert data["level"] == 3
    assert data["indicators_by_domain"][0]["indicators"][0]["source"] == {"lines": [15, 15]}
    assert data["caveat"].startswith("This is decision support")


def test_pack_without_indicator_tables_says_so_plainly():
    county = get_pack("county-levels-of-need-2021")
    decision = assess(county)
    assert decision.level is None
    reason = decision.reasons[0]
    assert reason.code is ReasonCode.NO_INDICATOR_TABLES
    assert "cannot suggest a level" in reason.text
    with pytest.raises(AssessmentInputError):
        assess(county, ["anything"])


def test_override_records_rationale_and_flags_going_below_a_red_flag(mini_pack):
    decision = assess(mini_pack, ["l4-health-unexplained-bruises"])
    now = datetime(2026, 11, 23, 10, 0)
    override = Override(decision, 3, "Injury explained by the GP as a birthmark.", "teacher", now)
    assert override.below_red_flag
    assert override.direction == "down"
    with pytest.raises(ValueError, match="rationale"):
        Override(decision, 3, "  ", "teacher", now)
    with pytest.raises(ValueError, match="1 to 4"):
        Override(decision, 5, "A long enough rationale", "teacher", now)


def test_step_up_from_level_one_is_not_lower_than_from_nothing(mini_pack):
    # Found by the monotonicity property: early help in place means Level 2 needs at least.
    stepped = Context(early_help_not_improving=True)
    assert assess(mini_pack, [], context=stepped).level == 3
    assert assess(mini_pack, ["l1-health-diet"], context=stepped).level == 3


def test_consent_rules_shown_are_those_of_the_situation():
    luton = get_pack("luton-2017")
    red = next(i.id for i in luton.indicators if i.red_flag)
    level2 = next(i.id for i in luton.indicators if i.level == 2 and not i.red_flag)

    def consent_rules(decision):  # type: ignore[no-untyped-def]
        return {r.rule_id for r in decision.reasons if r.code is ReasonCode.CONSENT}

    assert consent_rules(assess(luton, [red])) == {"consent-child-protection"}
    assert consent_rules(assess(luton, [level2])) == {"consent-early-help"}
    refused = assess(luton, [level2], context=Context(consent=Consent.REFUSED))
    assert any(r.text.startswith("Consent (refused)") for r in refused.reasons)


def test_national_under_13_rule_applies_where_a_document_states_none():
    luton = get_pack("luton-2017")  # states no age rule of its own
    assert not luton.rules_of(RuleKind.UNDERAGE_SEXUAL_ACTIVITY)
    row = "l2-health-starting-to-have-sex-under-16"
    decision = assess(luton, [row], age=12)
    assert decision.level == 4 and decision.urgency is Urgency.IMMEDIATE
    reason = next(r for r in decision.reasons if r.code is ReasonCode.AGE_RULE)
    assert "Sexual Offences Act 2003" in reason.text and reason.source is None
    assert assess(luton, [row], age=14).level == 2


@pytest.mark.parametrize(
    ("pack_id", "from_level", "to_level"),
    [
        # Luton lists "a lack of progress ... through early intervention" among its Level 3
        # (Intensive) needs, and Milton Keynes says so in its Level 3 header: not Level 4
        ("luton-2017", 2, 3),
        ("luton-2017", 3, 3),
        ("milton-keynes-2022", 2, 3),
        ("milton-keynes-2022", 3, 3),
        # Knowsley's sentence is in its Level 4 section: a referral to Children's Social Care
        ("knowsley-2016", 2, 4),
    ],
)
def test_step_up_lands_where_the_document_places_it(pack_id, from_level, to_level):
    # reported by an evaluation author: Level 3 rows and "not improving" gave Level 4
    pack = get_pack(pack_id)
    row = next(i for i in pack.indicators if i.level == from_level and not i.red_flag)
    stepped = assess(pack, [row.id], context=Context(early_help_not_improving=True))
    assert stepped.level == to_level


@pytest.mark.parametrize(
    "row_id",
    [
        "l4-dev-persistent-neglect-despite-intensive-support",
        "l4-dev-extensive-dental-treatment-through-neglect",
        "l4-fam-parental-substance-misuse-leading-to-neglect",
    ],
)
def test_stoke_treats_actual_neglect_as_needing_an_immediate_referral(row_id):
    # Stoke line 197: "Actual or allegations of abuse - physical, sexual, emotional or
    # neglect ... will always need an immediate referral" (reported by an evaluation author)
    stoke = get_pack("stoke-on-trent-2018")
    decision = assess(stoke, [row_id])
    assert decision.level == 4 and decision.urgency is Urgency.IMMEDIATE


def test_a_level_four_referral_in_stoke_shows_its_level_four_consent_words():
    # Stoke line 201, in its Level 4 section: "the parent or carer will be informed by the
    # person making the referral unless there is a risk to the child" (reported by an
    # evaluation author: only the Level 3 rule of line 143 was shown)
    stoke = get_pack("stoke-on-trent-2018")
    row = next(i.id for i in stoke.indicators if i.level == 4 and not i.red_flag)
    decision = assess(stoke, [row])
    assert decision.level == 4
    shown = {r.rule_id for r in decision.reasons if r.code is ReasonCode.CONSENT}
    assert "inform-parents-unless-risk" in shown


def test_one_need_the_document_lists_in_two_domains_counts_once():
    # Knowsley lists "Some support from family and friends" under two domains at Level 2:
    # ticking both is one need, so with one other need it is no cumulative step up
    knowsley = get_pack("knowsley-2016")
    ids = [
        "l2-behav-some-support-from-family-friends",
        "l2-relations-some-support-from-family-friends",
        "l2-parenting-parent-requires-advice-on-parenting",
    ]
    decision = assess(knowsley, ids)
    assert decision.level == 2
    assert ReasonCode.CUMULATIVE not in codes(decision)
