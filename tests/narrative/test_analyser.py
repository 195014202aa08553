"""Narrative analysis: what the words say becomes suggestions, with evidence and flags."""

from __future__ import annotations

import pytest

from righthelp.engine import Urgency, assess
from righthelp.framework.loader import get_pack
from righthelp.narrative import NarrativeInputError, analyse
from righthelp.narrative.ages import child_age
from tests.helpers import CLOSED_NOTE, indicator_packs

PACKS = indicator_packs()


def tags_proposed(pack, text, age=None):  # type: ignore[no-untyped-def]
    analysis = analyse(pack, text, age=age)
    return {t for s in analysis.suggestions if s.proposed for t in s.indicator.tags}


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_paraphrase_reaches_parental_substance_misuse(pack):
    text = "Dad drinks heavily and forgets to collect the kids from school."
    assert "parental-substance-misuse" in tags_proposed(pack, text)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    "text",
    [
        "No concerns about drugs or alcohol at home.",
        "Mum denies any drug use and there is no evidence of drinking.",
        "There is no history of substance misuse in the family.",
    ],
)
def test_negated_mentions_are_not_proposed(pack, text):
    analysis = analyse(pack, text)
    substance = {"parental-substance-misuse", "child-substance-misuse"}
    for suggestion in analysis.suggestions:
        concern = "strengths" not in suggestion.indicator.tags  # "No misuse" rows are right
        if concern and set(suggestion.indicator.tags) & substance:
            assert suggestion.negated and not suggestion.proposed


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_denied_injury_is_not_a_red_flag(pack):
    analysis = analyse(pack, "Ben (9) denies any injury and no marks were seen.")
    assert not any(s.proposed and s.indicator.red_flag for s in analysis.suggestions)


def test_previous_plan_maps_to_the_historical_row():
    stoke = get_pack("stoke-on-trent-2018")
    text = "Sam (10) was previously subject to a child protection plan which ended in May."
    proposed = analyse(stoke, text).proposed_ids
    assert any(
        stoke.indicators[[i.id for i in stoke.indicators].index(p)].historical for p in proposed
    )


def test_past_concern_is_flagged_historical_and_not_proposed():
    stoke = get_pack("stoke-on-trent-2018")
    analysis = analyse(stoke, "Mum had depression years ago, after her first baby.")
    flagged = [s for s in analysis.suggestions if "parental-mental-health" in s.indicator.tags]
    assert flagged and all(s.historical and not s.proposed for s in flagged)


def test_sibling_issue_is_about_another_person():
    knowsley = get_pack("knowsley-2016")
    analysis = analyse(knowsley, "Her older brother smokes cannabis in his bedroom.")
    child_rows = [s for s in analysis.suggestions if "child-substance-misuse" in s.indicator.tags]
    assert child_rows and all(s.other_person and not s.proposed for s in child_rows)


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("The child, aged 13, attends Year 8.", 13),
        ("She is a 13 year old girl.", 13),
        ("Referral about a 13-year-old boy.", 13),
        ("Ben (13) was seen today.", 13),
        ("Baby is 18 months old.", 1),
        ("Her boyfriend is 19. Jade (12) lives with mum.", 12),
        ("Mum (24) and Kai (3) live alone.", 3),
        ("He is 9. He likes football.", 9),
        ("She was 14 when she moved here.", 14),
        ("He is 9% below the expected weight.", None),
        # an age corrected later in the text is the true one
        ("Said she was 16. In the consultation room she admitted she's 13, Year 8.", 13),
        ("He told staff he was 16 but he is actually 14.", 14),
        ("No age given here.", None),
    ],
)
def test_ages_in_the_text(text, age):
    found = child_age(text)
    assert (found.age if found else None) == age


def test_evidence_offsets_point_into_the_original_text():
    stoke = get_pack("stoke-on-trent-2018")
    text = "<p>Jade (12) told me her new boyfriend is 19 and picks her up from school.</p>"
    analysis = analyse(stoke, text)
    assert analysis.suggestions
    for suggestion in analysis.suggestions:
        for span in suggestion.evidence:
            assert text[span.start : span.end] == span.text


RED_FLAG_SENTENCES = [
    ("Jade (12) told me her new boyfriend is 19 and picks her up from school in his car.", 12),
    ("There are unexplained bruises on his back and mum could not explain them.", 7),
    ("She disclosed that her stepdad hits her with a belt.", 10),
    ("Mum said the girls will be cut during the summer trip to become women.", 8),
    ("A 12-year-old girl told the nurse she has been having sex with a boy in Year 9.", 12),
    ("She told me her uncle touches her under her clothes when he babysits.", 11),
    ("He is being taken abroad to be married to a cousin and says he has no choice.", 15),
    ("Mum said she used the belt on him when he would not go to bed.", 8),
    ("At the end she asked me not to tell anyone what she had said about home.", 10),
    ("Her boyfriend is in his twenties and collects her from the park.", 13),
    ("The family are planning her engagement party; she is to be married next summer.", 14),
    # telling in the child's own words, not the documents'
    ("He told the TA that his stepdad gets the belt out when he is naughty.", 9),
    ("She said daddy put her hand on the hot hob because she was naughty.", 6),
    # fabricated or induced illness is physical abuse
    ("The consultant is concerned about the possibility of fabricated or induced illness.", 5),
    # FGM in the words the national guidance warns of
    ("Her aunt is arranging a special ceremony to make her a proper woman.", 9),
    # an account that does not fit the injury, said by a clinician
    ("X-ray shows a fracture of his wrist; the pattern is not typical of a fall.", 3),
    ("An oblique fracture of the arm. Neither account explains the injury.", 2),
    # a baby too young to move, by months
    ("Ruby, a 3-month-old, was brought in with a swollen thigh and a fracture on x-ray.", None),
    # the adult's age said of "hers"
    ("Chatting about boyfriends, she said hers is 22 and she stays at his flat.", 13),
    # the statutory response to significant harm named by the referrer
    ("A strategy discussion is being arranged with the police.", 8),
    ("A child protection medical has been booked for tomorrow.", 4),
    # forced marriage said as the child says it
    ("She heard that her nikah is in July and she does not want to get married.", 16),
    ("She begged me not to say anything to her parents.", 12),
    ("He said his mum did the belt on him last night and he can't sit down.", 7),
    ("CPOMS category: Disclosure (physical). Passed to the DSL.", 9),
    # a carer too intoxicated to look after a baby, and the police protecting the children
    ("Mum was found slumped and unrousable; the 6-month-old was alone in her cot.", None),
    ("Both children were taken into police protection overnight.", 5),
    # a young child's play and words
    ("In home corner she undressed the dolls and said it is a secret game with no pants on.", 4),
    ("He told staff his front bottom is sore after staying at his uncle's.", 5),
    # an online offender
    ("A man she met on a game asked her for photos in her bra and she sent one.", 12),
    ("He says he will post the picture online unless she sends more.", 13),
    # exploitation with threats, trafficking
    ("They say he owes them 600 pounds and know where his mum lives.", 15),
    ("An NRM referral is being made.", 16),
    # children left to fend for themselves
    ("Mum went away on Friday and left the two children on their own for three days.", 6),
    ("Mum has gone to her boyfriend's for the weekend and left them ten pounds and a loaf.", 8),
    ("The neighbour has not seen mum since Friday; the children are in the flat.", 6),
    # a parent who may kill the children
    (
        "Mum believes the children have the devil inside them and would not say she would not "
        "harm them.",
        7,
    ),
    # a negation that is not one: "not for discharge pending a strategy discussion"
    ("Admitted to the ward and not for discharge pending strategy discussion.", 7),
    # negation words inside the harm itself
    ("He kept asking for pictures with no top on and then with nothing on.", 12),
    ("He says he will send the pictures to her mum and people in her class.", 12),
    # a young child's words and play
    ("She said it is Dean's special game, no telling or mummy gets sad.", 4),
    ("Mum says she has been itchy down below and wetting again.", 4),
    # a parent's delusions about a baby
    ("Mum holds a fixed belief that he is not the right baby and tried to hide him.", 0),
    # a young child found alone at night, a carer who cannot be woken
    ("A 3-year-old was found wandering alone on the road at 2am in a nappy.", 3),
    ("Mother asleep on the sofa, smelling of alcohol, unrousable for several minutes.", 1),
    # FGM in the family's words
    ("Mum said her older sister had it done there and it is their way.", 9),
    ("There will be a celebration for her becoming a proper girl.", 9),
    # a child hurt in violence between adults
    ("He threw a plate which hit their daughter on the cheek.", 6),
    ("Mum was holding the baby when he shoved her into the wall.", 0),
    ("Her son tried to stop him and was thrown against the door.", 9),
    # emotional abuse as the child or an onlooker tells it
    ("Dad calls her a waste of space and makes her stand in the garden for hours.", 12),
    ('Mum routinely calls Grace (8) "the stupid one" in front of the other parents.', 8),
    ("Grace says she isn't allowed to eat at the table with the others.", 8),
    ("Mum presented as very sleepy and slurring her words during the visit.", 1),
    # a parent's insults, as staff heard them
    ('Staff heard mum tell him "you\'re a disgusting little pig, no wonder no-one likes you".', 8),
    ('She said "I should have left you at the hospital when you were born".', 8),
    # a debt a child says he owes to those he runs for
    ('He said "if I stop now they\'ll say I owe them" and then laughed it off.', 15),
    # a child's own written words, and being told what will happen if they tell
    ("Worry box note: he hits me with his belt when i get things wrong.", 10),
    ("He says if i tell anyone il get took off my mum.", 10),
    # a neighbour's account of a child shut out and insulted
    ("Her stepdad screams at her that she is a waste of space; she was put out in the garden.", 8),
    ("I wish you'd never been born, he shouts at him.", 8),
    ("A big purple mark round his eye; he said he walked into a door and looked at the floor.", 8),
    # burns the shape of a cigarette
    ("Three small round scabby burns on his hand, like someone put a fag out on him.", 3),
    # a referrer who does not think the children are safe
    ("I don't think the children are safe in her care at the moment.", 11),
    ("I don't think mum realises how bad the bruising is; she has no explanation for it.", 4),
    # a parent who says they shook the baby; touching called a game; a secret asked for
    ('She said she lost it and shook him "hard, maybe three or four times".', 0),
    ("Her mum's boyfriend does touching games under her pyjamas.", 9),
    ("She stayed behind and asked if I could keep a secret.", 9),
    # marks the shape of a cigarette end or a looped cord, and a child who won't say
    ("Three round marks on his forearm, about the size of a cigarette end.", 3),
    ("Curved, loop-shaped red/purple marks across the backs of his thighs.", 8),
    ("Bruises on his back; he said he fell and then said he didn't want to say.", 8),
    # a birthmark elsewhere explains no bruise
    ("Baby, 7 weeks, not yet rolling: a bruise on his cheek. He has a birthmark on his leg.", 0),
    # an injury nobody can explain (found by the learned model's tests, ADR 8)
    ("She has a bruise on her cheek that nobody can explain.", 7),
    ("A burn on his wrist, and no one at home could tell us how it happened.", 3),
    # men in their late twenties with a 15-year-old
    ("She is picked up most weekends by men in their late 20s in different cars.", 15),
    ("She is not allowed to eat at the table with the rest of the family.", 12),
    ("She said she would rather be dead than go home when he is like that.", 12),
    ("On days he loses, dad doesn't speak to him for days.", 11),
    # a toddler found alone by a road, a parent nodding off
    ("A customer found her crying on the pavement next to the main road.", 2),
    ("Mum kept nodding off at the counter with the toddler in the buggy.", 2),
    ("Mum called him the devil and put him out in the back garden without his coat.", 8),
    ("She says she wishes he had never been born.", 8),
    ("He told officers he tried to pull the man off his mum and was shoved down the stairs.", 11),
    ("He said he owes someone for stuff that got lost and they know where he lives.", 15),
    # a parent's beliefs that target the child (faith, possession, surveillance)
    ("Dad says a tracking chip was put in her at birth and he will get it out of her.", 6),
    ("Mum says there is something dark inside him and bathes him to draw it out.", 1),
    ("Her grandmother believes she is possessed and has taken her to be prayed over.", 9),
    # an adult posing as a child online, images asked for in the child's words
    ("He sent a photo in his boxers to a gamer he met online.", 13),
    ("The account said he was 15 but mentioned his car and his flat and wants to meet.", 12),
    # the adult's age said in the sentence after the relationship
    ("She says her boyfriend picks her up after school. She thinks he's 19 or 20.", 13),
]


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(("text", "age"), RED_FLAG_SENTENCES)
def test_red_flag_words_always_give_level_four_immediate(pack, text, age):
    padding = "Attends school every day and enjoys football. Reading is improving. " * 5
    analysis = analyse(pack, padding + text + " " + padding, age=age)  # as the form gives it
    decision = assess(pack, analysis.proposed_ids, age=analysis.age)
    assert decision.level == 4, [s.indicator.id for s in analysis.suggestions]
    assert decision.urgency is Urgency.IMMEDIATE


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_a_clear_error(text):
    with pytest.raises(NarrativeInputError, match="empty"):
        analyse(PACKS[0], text)


def test_binary_input_is_a_clear_error():
    with pytest.raises(NarrativeInputError):
        analyse(PACKS[0], bytes(range(256)) * 20)


def test_a_megabyte_is_capped_and_said():
    text = "Dad drinks heavily and forgets to collect the kids. " * 20_000  # ~1 MB
    analysis = analyse(PACKS[0], text)
    assert analysis.truncated
    assert any("characters" in w for w in analysis.warnings)


def test_markup_is_ignored_not_run():
    text = "<script>alert('x')</script><b>Dad drinks heavily</b> and forgets to collect her."
    analysis = analyse(get_pack("luton-2017"), text)
    assert any("Markup" in w for w in analysis.warnings)
    assert all("alert" not in e.text for s in analysis.suggestions for e in s.evidence)


def test_non_english_text_is_said():
    analysis = analyse(
        PACKS[0], "Le père boit beaucoup et oublie de chercher les enfants à l'école."
    )
    assert any("English" in w for w in analysis.warnings)


def test_county_pack_has_nothing_to_match():
    county = get_pack("county-levels-of-need-2021")
    analysis = analyse(county, "Dad drinks heavily.")
    assert analysis.suggestions == ()
    assert any("no indicator tables" in w for w in analysis.warnings)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_nobody_hurting_the_child_is_no_disclosure(pack):
    analysis = analyse(pack, "She said nobody hits her at home and she feels safe.")
    assert not any(s.proposed and s.indicator.red_flag for s in analysis.suggestions)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_disclosure_maps_to_a_general_row_not_a_sexual_one(pack):
    # reported by the web service: "told" + "hits" chose sexual-exploitation rows
    analysis = analyse(pack, "He told his teacher that his dad hits him with a belt.", age=9)
    flagged = [s.indicator for s in analysis.suggestions if s.proposed and s.indicator.red_flag]
    assert flagged
    assert not any(set(i.tags) == {"sexual-exploitation"} for i in flagged)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    "text",
    [
        "Grace told me she's 'a bit nervous but fine' about the tests.",
        "Mum rang to say she had told him to leave after he punched a hole in the door.",
    ],
)
def test_ordinary_telling_is_no_disclosure(pack, text):
    analysis = analyse(pack, text, age=15)
    assert not any(s.proposed and "disclosure" in s.topics for s in analysis.suggestions)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_no_explanation_in_the_next_sentence_still_counts(pack):
    text = "Staff noticed bruises on both sides of his face. Mum did not know how they happened."
    decision = assess(pack, analyse(pack, text, age=4).proposed_ids, age=4)
    assert decision.level == 4 and decision.urgency is Urgency.IMMEDIATE


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_any_bruise_on_a_non_mobile_baby_is_a_red_flag(pack):
    text = "Oscar, 10 weeks old, not yet rolling, has a small bruise on his cheek."
    decision = assess(pack, analyse(pack, text).proposed_ids)
    assert decision.level == 4 and decision.urgency is Urgency.IMMEDIATE


@pytest.mark.parametrize(
    ("pack_id", "text"),
    [
        (
            "stoke-on-trent-2018",
            "Despite two years of support the home is again in a very poor state and there is "
            "no food in the cupboards. Change has not been sustained.",
        ),
        (
            "luton-2017",
            "Mum drinks heavily most days. Despite 16 months of support there has been no "
            "lasting change, and she cannot reliably care for the children.",
        ),
    ],
)
def test_persistence_despite_support_reaches_level_four(pack_id, text):
    pack = get_pack(pack_id)
    assert assess(pack, analyse(pack, text, age=7).proposed_ids, age=7).level == 4


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_past_strategy_discussion_is_history_not_harm_now(pack):
    text = "A strategy discussion in 2019 led to no further action. He is settled at school now."
    analysis = analyse(pack, text, age=9)
    assert not any(s.proposed and s.indicator.red_flag for s in analysis.suggestions)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_tummy_that_hurts_is_no_disclosure(pack):
    analysis = analyse(pack, "She said her tummy hurts after lunch most days.", age=6)
    assert not any(s.proposed and s.indicator.red_flag for s in analysis.suggestions)


def test_plans_in_the_plural_are_a_previous_plan():
    luton = get_pack("luton-2017")
    text = "Both children were subject to CP plans under neglect until last year."
    proposed = {i.id: i for i in luton.indicators if i.id in analyse(luton, text).proposed_ids}
    assert any("previous-child-protection-plan" in i.tags for i in proposed.values())


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        (
            "He goes out without saying where and has been reported missing twice.",
            "missing-from-home",
        ),
        ("EPDS today was 17 and she has been started on sertraline.", "parental-mental-health"),
        ("He gets his sisters breakfast and walks them to school.", "young-carer"),
        ("Strangers post nasty comments under her videos.", "bullying"),
        ("Police DA notification: he pushed her against the wall.", "domestic-abuse"),
    ],
)
def test_everyday_words_reach_their_topic(text, tag):
    luton = get_pack("luton-2017")
    assert tag in tags_proposed(luton, text, age=10)


def test_a_row_bounded_by_age_is_not_suggested_outside_it():
    knowsley = get_pack("knowsley-2016")
    text = "Kayleigh (15) is 14 weeks pregnant and wants to keep the baby."
    analysis = analyse(knowsley, text, age=15)
    for suggestion in analysis.suggestions:
        bounds = suggestion.indicator.age
        assert bounds is None or bounds.contains(15), suggestion.indicator.id


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_medication_in_a_note_about_a_baby_is_the_parents(pack):
    text = "8-week check. She has been started on sertraline and feels low most days."
    tags = tags_proposed(pack, text, age=0)
    assert "child-mental-health" not in tags
    assert "parental-mental-health" in tags


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Her adult social care package was cut last year to one call a day.", 9),
        ("Mum attended custody with him and was supportive.", 15),
        ("Parties: female (29) and male (31), parents of Kayden (4).", 4),
        ("Kayden (4) lives with mum and her partner (31), who works nights.", 4),
        # routine sexual health care, a boy's push at his mother, a past plan's category
        ("Sexual health clinic: implant fitted, STI screen done, condoms given.", 16),
        ("Mum says he pushed her when she took his phone; she was not hurt.", 15),
        ("She was on a child protection plan (category emotional abuse) that ended in May.", 10),
        # names called by other children are bullying; abuse dealt with by a past plan is history
        ("Girls in her tutor group have been calling her ugly in a group chat.", 12),
        ("He was on a child protection plan two years ago (physical abuse by his father).", 10),
        # a young carer's fear of what telling would do to his family
        ("Reece is frightened that if he tells anyone, mum will be put in a home.", 13),
        # a referrer who thinks the child is not at risk of significant harm
        ("I do not think he is at risk of significant harm from his family.", 14),
        # "can't say how long" explains nobody's injury
        ("Dad has been out of work since an injury. We can't say how long they will stay.", 10),
        # the child's own action, in the child's words
        ('She said straight away "the cat scratched me \'cos I squeezed her".', 3),
        # a mark on a baby that is there from birth, documented as a birthmark
        (
            "Baby, 7 weeks: a large blue-grey flat mark across the lower back. Mum said it was "
            "there from birth; the newborn check documented a Mongolian blue spot.",
            0,
        ),
    ],
)
def test_ordinary_words_that_look_like_harm_are_not_red_flags(pack, text, age):
    analysis = analyse(pack, text, age=age)
    assert not any(s.proposed and s.indicator.red_flag for s in analysis.suggestions)
    assert "parental-crime" not in tags_proposed(pack, text, age=age)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_past_mention_and_a_negated_one_do_not_add_up_to_a_present_one(pack):
    # one row reached twice: once in the past ("PND after her first baby"), once negated
    # ("no medication"); neither says it is present now
    text = (
        "Mum had PND after her first baby and was on sertraline for a year. "
        "She reports her mood is good this time, no medication."
    )
    assert "parental-mental-health" not in tags_proposed(pack, text, age=1)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_toddlers_drink_is_no_substance(pack):
    text = "Eats a good mixed diet and drinks from an open cup; drinks juice at bedtime."
    tags = tags_proposed(pack, text, age=2)
    assert not tags & {"parental-substance-misuse", "child-substance-misuse"}


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_resolved_problem_is_history(pack):
    text = "At the last audit (2022) there was black mould in the bedroom; no recurrence."
    assert "housing" not in tags_proposed(pack, text, age=6)


def test_the_dash_risk_level_grades_domestic_abuse():
    mk = get_pack("milton-keynes-2022")  # its rows grade domestic abuse at levels 3 and 4

    def level(text: str) -> int | None:
        return assess(mk, analyse(mk, text, age=6).proposed_ids, age=6).level

    standard = level("Police domestic abuse notification, DASH standard risk.")
    high = level("Police domestic abuse notification, DASH high risk, referred to MARAC.")
    assert standard is not None and high is not None and standard < high


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    "text",
    [
        # sexual exploitation
        "Kacey (14) was found at 3am in a car with two men in their late twenties. "
        "She has gone missing four times this month and has a new phone she won't explain.",
        # criminal exploitation
        "Jay (14) was reported missing for the third time this month. He was found in a flat "
        "in another town with two adult males, 14 wraps and 380 pounds in cash, and two phones.",
    ],
)
def test_signs_of_exploitation_together_are_a_red_flag(pack, text):
    decision = assess(pack, analyse(pack, text).proposed_ids, age=14)
    assert decision.level == 4 and decision.urgency is Urgency.IMMEDIATE


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    "text",
    [
        # one sign alone
        "Kacey (14) stayed out late on Friday; mum knew she was at a friend's house.",
        # a screening graded below high: the practitioner's grade stands
        "Return home interview. Kacey, 15. Third missing episode in six weeks. CSE "
        "screening with the school DSL came out as MEDIUM because of how often she's going "
        "missing and the ages of some of her social media contacts. She denies being given "
        "alcohol, drugs or gifts.",
    ],
)
def test_signs_of_exploitation_that_are_no_red_flag(pack, text):
    analysis = analyse(pack, text)
    assert not any(s.proposed and s.indicator.red_flag for s in analysis.suggestions)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_many_signs_of_neglect_together_reach_level_four(pack):
    text = (
        "No heating or hot water since November. No food in the kitchen and the fridge was "
        "empty. Dirty nappies were piled in the bedroom and neither bed had a sheet. Both "
        "children (3 and 5) looked very thin and the toddler's nappy was soaked and leaking."
    )
    assert assess(pack, analyse(pack, text, age=3).proposed_ids, age=3).level == 4


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("Attendance this year is 92.8%, up from last term.", "school-attendance"),
        ("Dad reads him a bedtime story every night.", "boundaries"),
        ("Mum lost her job at the hotel in January and money is tight.", "sexual-exploitation"),
        ("Mum was tearful hearing how often the cutting is happening to her arms.", "fgm"),
        ("Police notification: he pushed her into the door frame.", "physical-abuse"),
        ("Punctuality good, no concerns.", "school-attendance"),
        ("She cried the first night at camp, missing home, then settled.", "missing-from-home"),
        ("He was missing the start of phonics because of the school run.", "missing-from-home"),
        (
            "Just on record in case anyone asks why he was missing from training.",
            "missing-from-home",
        ),
        ("She looked after a new girl who was upset.", "looked-after"),
        ("Parents moved here from Poland; no family in the UK but friends help.", "no-carer"),
    ],
)
def test_words_that_only_look_like_a_concern(pack, text, tag):
    analysis = analyse(pack, text, age=9)
    concerns = [s.indicator for s in analysis.suggestions if s.proposed and s.indicator.level > 1]
    assert not [i.id for i in concerns if tag in i.tags]


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    "text",
    [
        "Some low level arguments between mum and dad, occasionally in front of the children.",
        "Some concerns about his hygiene.",
        "Police DA notification, standard risk, verbal argument only.",
    ],
)
def test_words_said_to_be_mild_reach_no_row_above_their_level(pack, text):
    analysis = analyse(pack, text, age=7)
    proposed = [s.indicator for s in analysis.suggestions if s.proposed]
    assert proposed
    for row in proposed:
        # level 2, or the lowest the pack has for what was said (Milton Keynes grades
        # domestic abuse from level 3)
        lowest = min(i.level for i in pack.indicators if set(i.tags) & set(row.tags))
        assert row.level <= max(2, lowest), row.id


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    ("text", "tag", "age"),
    [
        ("Routine DA enquiry (seen alone) - nothing disclosed.", "domestic-abuse", 1),
        ("Routine enquiry about domestic abuse with mum alone - she said no.", "domestic-abuse", 1),
        (
            "I asked her directly about self-harm and suicidal thoughts: she said no, never.",
            "self-harm",
            13,
        ),
        ("Breastfeeding well, plenty of wet and dirty nappies.", "hygiene-self-care", 0),
        ("There is a non-molestation order against her ex-partner.", "sexual-abuse", 6),
        ("She has been tearful at bedtime since her grandad died.", "boundaries", 8),
        ("Cannabis smell in the room, his older brother admitted it.", "hygiene-self-care", 14),
        ("Mum has MS, with periods of relapse and severe fatigue.", "parental-mental-health", 9),
        ("Ex-partners Nicole (27) and Dean (29) argued.", "adult-sexual-relationship", 14),
        # an adult's partner, named after the adult's own age, is not the child's
        (
            "Mason (2) lives with mum (Jade, 23) and her partner (Liam, 25).",
            "adult-sexual-relationship",
            2,
        ),
        (
            "Victim (F, 23) states her partner (M, 27) shouted; Ellie (9) asleep.",
            "adult-sexual-relationship",
            9,
        ),
        (
            "Call from Donna Price (33): her partner Craig (36) was drunk.",
            "adult-sexual-relationship",
            12,
        ),
        (
            "Mum Keeley is 19, first baby, lives with partner (20, warehouse job).",
            "adult-sexual-relationship",
            1,
        ),
        (
            "Mum's new boyfriend moved in last month. He's 34 and works nights.",
            "adult-sexual-relationship",
            12,
        ),
    ],
)
def test_asked_about_or_ordinary_in_its_context_is_not_found(pack, text, tag, age):
    assert tag not in tags_proposed(pack, text, age=age)


def test_neglect_named_by_the_referrer_reaches_the_documents_neglect_rows():
    # Stoke line 197: actual neglect always needs an immediate referral; a referrer who
    # names the neglect is not describing "early signs"
    stoke = get_pack("stoke-on-trent-2018")
    text = "Tilly (4) has no bedding and often no food; the neglect is directly linked to drink."
    decision = assess(stoke, analyse(stoke, text).proposed_ids, age=4)
    assert decision.level == 4


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_faltering_growth_with_no_organic_cause_is_neglect(pack):
    text = (
        "Weight has fallen from the 50th centile to below the 0.4th. The paediatric team "
        "found no organic cause and he gained weight well when fed on the ward."
    )
    assert "neglect" in tags_proposed(pack, text, age=0)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    ("text", "tags", "age"),
    [
        (
            "Her two previous children live with their grandparents under Special Guardianship "
            "Orders made in 2021 after care proceedings.",
            {"previous-children-removed"},
            0,
        ),
        (
            "An HGV driver found a boy hiding in the trailer at the services. He says he is 15 "
            "and has no family or anyone he knows in the UK, and no documents. No adult has "
            "come forward.",
            {"asylum-refugee", "no-carer"},
            15,
        ),
        ("Mum has asked twice now for Jordan to be put in care.", {"no-carer"}, 8),
        ("No family members or friends could be identified to care for him.", {"no-carer"}, 9),
        (
            "Her mother left the country years ago and there is no other family who could take "
            "her.",
            {"no-carer"},
            9,
        ),
    ],
)
def test_categories_in_the_referrers_words(pack, text, tags, age):
    assert tags <= tags_proposed(pack, text, age=age)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    "text",
    [
        "Mum has been tearful and low since the baby was born and has started sertraline.",
        "There were arguments at home when her parents separated last year.",
        "Black mould in the bedrooms and the landlord will not repair the window.",
        "Money is tight since dad lost his job and they can't afford the uniform.",
        # a diagnosis called chronic is not a concern called chronic ("chronic neglect")
        "Mum has chronic back pain and I am treating her for depression.",
        "Mum has been off work with chronic fatigue and depression since the summer.",
        # well for years is the opposite of a concern that persists for years
        "Mum has bipolar disorder; she had been well for three years on lithium until this "
        "autumn, when she became low.",
    ],
)
def test_a_level_4_row_needs_words_of_severity(pack, text):
    # the documents' Level 4 rows that are not significant harm in themselves say
    # "significantly", "serious", "extreme", "despite support": a need said plainly is not one
    analysis = analyse(pack, text, age=8)
    assert not [
        s.indicator.id for s in analysis.suggestions if s.proposed and s.indicator.level == 4
    ]


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
@pytest.mark.parametrize(
    ("text", "tags", "age"),
    [
        # a passed depression screen
        (
            "Mum reports her mood is good, EPDS 4, and she knows to see the GP if it changes.",
            {"parental-mental-health"},
            1,
        ),
        # friends over eighteen are no sexual age gap
        (
            "He stays at a flat where the friends are 18-20 and they play video games.",
            {"adult-sexual-relationship"},
            15,
        ),
        # a love bite is no unexplained injury
        (
            "She adds people she doesn't know on Snapchat, and had a love bite when found.",
            {"unexplained-injury"},
            15,
        ),
        # window blind cords are no disability
        (
            "Safe home: stair gates and blind cords discussed at the visit.",
            {"disability", "parental-physical-health"},
            2,
        ),
    ],
)
def test_words_that_name_no_such_need(pack, text, tags, age):
    assert not tags & tags_proposed(pack, text, age=age)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_negation_reaches_the_end_of_its_list(pack):
    # NegEx's five-word reach, extended over a list that ends "... or X"
    text = (
        "She does not describe any older people, gifts, money, alcohol or being asked to send "
        "pictures."
    )
    assert not {"sexual-exploitation", "sexual-abuse"} & tags_proposed(pack, text, age=13)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_the_category_of_a_past_plan_is_history(pack):
    text = "Harvey was on a child protection plan (neglect) until last October."
    proposed = tags_proposed(pack, text, age=3)
    assert "neglect" not in proposed
    if any("previous-child-protection-plan" in i.tags for i in pack.indicators):
        assert "previous-child-protection-plan" in proposed


# A note that ends with the writer's own outcome ("No further action", "universal pathway")
# records a need already met: its Level 2 rows are shown, not ticked. Anything graver is not
# the writer's to close.


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_level_two_need_the_writer_closes_is_shown_not_ticked(pack):
    analysis = analyse(pack, CLOSED_NOTE)
    assert analysis.closure is not None and analysis.closure.text == "universal HV pathway."
    level_two = [s for s in analysis.suggestions if s.indicator.level == 2]
    assert level_two, "the mother's low mood is still shown"
    assert all(s.resolved_by == analysis.closure and not s.proposed for s in level_two)
    assert assess(pack, analysis.proposed_ids, age=analysis.age).level in (None, 1)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_without_the_closing_line_the_same_need_is_ticked(pack):
    analysis = analyse(pack, CLOSED_NOTE.rsplit(" Plan:", 1)[0])
    assert analysis.closure is None
    assert any(s.proposed and s.indicator.level == 2 for s in analysis.suggestions)


@pytest.mark.parametrize(
    "ending",
    [
        "Case closed to social care in 2020, no further action.",  # a past outcome
        "No further action for now, but I would be grateful for an early help assessment.",
        "NFA police; referral to the MASH for information.",  # onward help asked for
        "The gap in her reading is widening, not closing.",
    ],
)
def test_an_outcome_in_the_past_or_with_onward_help_closes_nothing(ending):
    pack = get_pack("luton-2017")
    analysis = analyse(pack, CLOSED_NOTE.rsplit(" Plan:", 1)[0] + " " + ending)
    assert analysis.closure is None


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_a_closing_line_never_closes_significant_harm_or_a_grave_need(pack):
    text = (
        "Ben (7) said his dad hit him with a belt last night and showed me a bruise on his arm. "
        "Dad drinks heavily every day and the neglect persists despite two years of support. "
        "No further action needed."
    )
    analysis = analyse(pack, text)
    assert analysis.closure is not None
    assert assess(pack, analysis.proposed_ids, age=analysis.age).level == 4
    assert all(s.indicator.level == 2 for s in analysis.suggestions if s.resolved_by)


# What is going well (Level 1, needs met) is ticked when nothing else is said; beside needs
# above Level 1 it is still shown, for the practitioner to tick, but not taken as present.
GOING_WELL = (
    "She is a healthy girl, her immunisations are up to date and she is meeting her "
    "developmental milestones. She enjoys school and has good friendships."
)


def strengths(analysis):  # type: ignore[no-untyped-def]
    return [s for s in analysis.suggestions if "strengths" in s.indicator.tags]


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_what_goes_well_is_ticked_when_nothing_else_is_said(pack):
    found = strengths(analyse(pack, GOING_WELL))
    assert found and all(s.proposed and not s.beside_needs for s in found)


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.id)
def test_what_goes_well_beside_needs_is_shown_not_ticked(pack):
    text = GOING_WELL + " Dad drinks heavily and forgets to collect the kids from school."
    analysis = analyse(pack, text)
    found = strengths(analysis)
    assert found and all(s.beside_needs and not s.proposed for s in found)
    assert "parental-substance-misuse" in tags_proposed(pack, text)
