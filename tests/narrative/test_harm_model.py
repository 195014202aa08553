"""The learned significant-harm safety net (ADR 8): what it reads, how it adds a red flag, and
that the model shipped was never trained on a held-out split."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from righthelp.cli.render import render_analysis
from righthelp.framework.loader import get_pack
from righthelp.narrative import analyse, harm_model
from righthelp.narrative.analyser import LEARNED
from righthelp.narrative.serialise import analysis_to_dict
from tests.helpers import FILLER, UNFORESEEN, tiny_harm_model

EVAL = Path(__file__).resolve().parents[2] / "eval"
COMMON = frozenset({"mum", "dad", "teacher"})


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> harm_model.HarmModel:
    model = tiny_harm_model()
    monkeypatch.setattr(harm_model, "shipped", lambda: model)
    return model


def test_the_writers_response_and_names_are_not_read():
    read = harm_model.words(
        "Amir said his uncle hurts him. I called the MASH and told Mrs Okafor, our DSL. "
        "Then Mum said FGM was discussed at the strategy discussion.",
        COMMON,
    )
    assert "mash" not in read and "strategy" not in read and "dsl" not in read
    assert "okafor" not in read and "mrs" not in read  # a name mid-sentence
    assert "amir" in read  # a sentence start cannot tell a name from a word
    assert {"fgm", "mum", "uncle", "hurts"} <= set(read)


def test_features_are_words_and_word_pairs():
    assert harm_model.features(["she", "said", "it"]) == [
        "she",
        "said",
        "it",
        "she said",
        "said it",
    ]


def test_probability_is_the_logistic_of_the_weighted_tf_idf():
    model = tiny_harm_model()
    # one feature present once: its TF-IDF is 1 after normalisation
    assert model.probability("zorbled") == pytest.approx(1 / (1 + math.exp(-(8.0 - 1.0))))
    # two features, equal TF-IDF, each 1/sqrt(2) after normalisation
    expected = 1 / (1 + math.exp(-(-1.0 + (8.0 - 1.0) / math.sqrt(2))))
    assert model.probability("reads zorbled") == pytest.approx(expected)


def test_the_sentence_that_weighed_most_is_the_explanation():
    reasons = tiny_harm_model().explain(UNFORESEEN)
    assert len(reasons) == 1  # the sentences with no positive weight explain nothing
    assert "zorbled" in reasons[0].sentence.text
    assert reasons[0].words == ("zorbled",)
    assert (
        UNFORESEEN[reasons[0].sentence.start : reasons[0].sentence.end] == reasons[0].sentence.text
    )


def test_words_every_sentence_has_are_not_shown_to_the_reader():
    assert harm_model.shown_words(("she said", "said", "bruises", "on her")) == ["bruises"]


def test_unforeseen_words_of_harm_reach_the_general_red_flag_row(fake_model):
    luton = get_pack("luton-2017")
    learned = [s for s in analyse(luton, UNFORESEEN).suggestions if LEARNED in s.topics]
    assert len(learned) == 1
    suggestion = learned[0]
    assert suggestion.proposed and suggestion.indicator.red_flag
    assert suggestion.indicator.id == "l4-health-clear-allegation-of-harm-and"
    assert [e.text for e in suggestion.evidence] == [
        "At lunch she said the man downstairs zorbled her again on Sunday."
    ]
    assert "“zorbled”" in suggestion.reason and "untick" in suggestion.reason


def test_a_pack_without_a_general_row_gets_its_red_flag_row_most_like_the_sentence(fake_model):
    stoke = get_pack("stoke-on-trent-2018")
    text = FILLER + "She said her stepdad zorbled her and she has frequent injuries."
    assert not any(i.red_flag and "abuse-allegation" in i.tags for i in stoke.indicators)
    learned = [s for s in analyse(stoke, text).suggestions if LEARNED in s.topics]
    assert [s.indicator.id for s in learned] == ["l4-dev-frequent-injuries"]


def test_the_model_adds_nothing_when_the_lexicon_already_found_a_red_flag(fake_model):
    luton = get_pack("luton-2017")
    text = UNFORESEEN + " She told me her dad hits her with a belt."
    analysis = analyse(luton, text)
    assert any(s.proposed and s.indicator.red_flag for s in analysis.suggestions)
    assert not any(LEARNED in s.topics for s in analysis.suggestions)


def test_a_one_line_note_is_outside_what_the_model_knows(fake_model):
    text = "She said the man downstairs zorbled her."
    assert not fake_model.applies(text)
    assert not any(LEARNED in s.topics for s in analyse(get_pack("luton-2017"), text).suggestions)


def test_below_the_threshold_nothing_is_added(monkeypatch):
    monkeypatch.setattr(harm_model, "shipped", lambda: tiny_harm_model(threshold=0.9999))
    suggestions = analyse(get_pack("luton-2017"), UNFORESEEN).suggestions
    assert not any(LEARNED in s.topics for s in suggestions)


def test_without_a_model_the_lexicon_works_alone(monkeypatch):
    monkeypatch.setattr(harm_model, "shipped", lambda: None)
    analysis = analyse(get_pack("luton-2017"), UNFORESEEN)
    assert not any(LEARNED in s.topics for s in analysis.suggestions)
    assert analysis.safety_net is None
    assert "Safety net" not in render_analysis(analysis)


def test_the_reason_is_printed_and_in_the_json(fake_model):
    analysis = analyse(get_pack("luton-2017"), UNFORESEEN)
    printed = render_analysis(analysis)
    assert "why: No phrase RightHelp knows" in printed
    assert "Safety net for significant harm in other words: a model learned from 1 " in printed
    assert analysis_to_dict(analysis)["safety_net"] == "a model learned from 1 labelled narratives"
    reasons = [s["reason"] for s in analysis_to_dict(analysis)["suggestions"]]
    assert any("zorbled" in r for r in reasons)


# -- the model that ships -----------------------------------------------------------------


def held_out_splits() -> set[str]:
    lines = (EVAL / "held_out.txt").read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def test_the_shipped_model_never_saw_a_held_out_split():
    model = harm_model.shipped()
    assert model is not None
    assert held_out_splits(), "eval/held_out.txt names no split"
    assert not set(model.trained_on) & held_out_splits()


def test_the_shipped_model_was_trained_on_every_tuning_narrative():
    """Retiring a split into tuning means retraining (tools/train_harm_model.py)."""
    model = harm_model.shipped()
    assert model is not None
    tuning = sorted(
        p.name for p in EVAL.iterdir() if p.is_dir() and p.name not in held_out_splits()
    )
    assert sorted(model.trained_on) == tuning
    lines = sum(
        1
        for split in tuning
        for file in (EVAL / split).glob("*.jsonl")
        for line in file.read_text().splitlines()
        if line.strip()
    )
    assert model.narratives == lines


def test_the_shipped_model_tells_a_disclosure_from_a_routine_review():
    model = harm_model.shipped()
    assert model is not None
    review = (
        "Health visitor note, 15-month review. Maisie is walking with support, babbling and "
        "pointing, and eating a good range of family food. Mum and dad both attended; the flat "
        "is warm and clean and there are plenty of toys. Immunisations are up to date. No "
        "concerns; next contact at the 2-year review."
    )
    disclosure = (
        "Year 5 class teacher, Thursday afternoon. During circle time about feelings, Amir (9) "
        "went very quiet and then said that his uncle makes him do the 'special game' in the "
        "bathroom when mum is at work, and that it hurts and he cries after. He has been wetting "
        "himself at school this half term and flinches when male staff come near."
    )
    assert model.probability(review) < model.threshold <= model.probability(disclosure)


def test_the_model_file_is_what_the_training_tool_writes():
    data = json.loads(
        (Path(harm_model.__file__).parent / harm_model.MODEL_FILE).read_text(encoding="utf-8")
    )
    assert 0 < data["threshold"] < 1 and data["min_words"] > 0
    assert all(len(pair) == 2 for pair in data["weights"].values())
