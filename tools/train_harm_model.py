"""Train the learned significant-harm safety net (ADR 8) from the labelled tuning narratives.

    pip install -e '.[train]'
    python tools/train_harm_model.py            # writes src/righthelp/narrative/harm_model.json
    python tools/train_harm_model.py --loso     # leave-one-split-out figures, writes nothing

Training data: every `eval/<split>/<pack>.jsonl` except the splits in `eval/held_out.txt`.
A narrative is a positive example when the indicators its author ticked include a red-flag
row of its pack. Same data, same figures: the solver is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from righthelp.framework.loader import load_all_packs
from righthelp.narrative.harm_model import MODEL_FILE, WORD, features, word_count, words
from righthelp.narrative.segment import prepare

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
OUT = ROOT / "src" / "righthelp" / "narrative" / MODEL_FILE
C = 10.0  # inverse regularisation, chosen by --loso with THRESHOLD (ADR 8)
THRESHOLD = 0.4  # chosen by --loso: the fewest Level 4 narratives under-triaged
LOSO_SPLITS = [f"blind{i}" for i in range(4, 14)]  # each measured once before tuning


def held_out() -> set[str]:
    lines = (EVAL / "held_out.txt").read_text().splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def load_cases() -> dict[str, list[tuple[str, bool, int]]]:
    """split -> [(text, has a red flag, level)]"""
    excluded = held_out()
    packs = load_all_packs()
    by_split: dict[str, list[tuple[str, bool, int]]] = {}
    for file in sorted(EVAL.glob("*/*.jsonl")):
        split = file.parent.name
        if split in excluded:
            continue
        red = {i.id for i in packs[file.stem].indicators if i.red_flag}
        for line in file.read_text().splitlines():
            if line.strip():
                case = json.loads(line)
                positive = bool(set(case.get("indicators") or ()) & red)
                by_split.setdefault(split, []).append(
                    (prepare(case["text"]).text, positive, case["level"])
                )
    return by_split


def common_words() -> frozenset[str]:
    """Ordinary words: those of the five source documents (so "Mum" is not a name)."""
    found: set[str] = set()
    for source in (ROOT / "src" / "righthelp" / "packs").glob("*/*.txt"):
        found |= {w.lower() for w in WORD.findall(source.read_text())}
    return frozenset(found)


def names(texts: Iterable[str], common: frozenset[str]) -> set[str]:
    """Words mostly capitalised mid-sentence and not ordinary words: the narratives' names,
    which a sentence start lets through `words` and the model must not learn."""
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for text in texts:
        for sentence in re.split(r"(?<=[.!?:])\s+|\n+", text):
            for word in WORD.findall(sentence)[1:]:
                (capital if word[0].isupper() else lower)[word.lower()] += 1
    return {w for w in capital if capital[w] > 2 * lower[w] and w not in common}


def fit(texts: list[str], labels: list[bool], common: frozenset[str]) -> tuple[Any, Any]:
    excluded = names(texts, common)

    def analyse(text: str) -> list[str]:
        return [f for f in features(words(text, common)) if not set(f.split()) & excluded]

    vectoriser = TfidfVectorizer(analyzer=analyse, min_df=2, sublinear_tf=True)
    matrix = vectoriser.fit_transform(texts)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(matrix, labels)
    return vectoriser, model


def leave_one_split_out(by_split: dict[str, list[tuple[str, bool, int]]]) -> None:
    common = common_words()
    scored: list[tuple[bool, int, float]] = []
    for test in LOSO_SPLITS:
        train = [c for split, cases in by_split.items() if split != test for c in cases]
        vectoriser, model = fit([c[0] for c in train], [c[1] for c in train], common)
        probabilities = model.predict_proba(vectoriser.transform([c[0] for c in by_split[test]]))
        scored += [(c[1], c[2], p[1]) for c, p in zip(by_split[test], probabilities, strict=True)]
    positives = sum(s[0] for s in scored)
    print(
        f"leave one split out over {', '.join(LOSO_SPLITS)}: {len(scored)} narratives, "
        f"{positives} with a red flag"
    )
    for threshold in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
        hits = sum(1 for s in scored if s[0] and s[2] >= threshold)
        alarms = [s[1] for s in scored if not s[0] and s[2] >= threshold]
        below = sum(1 for level in alarms if level < 4)
        print(
            f"  threshold {threshold:.2f}: red flags found {hits}/{positives}, "
            f"fired without one {len(alarms)} ({below} of them below Level 4)"
        )


def train(by_split: dict[str, list[tuple[str, bool, int]]]) -> None:
    common = common_words()
    cases = [c for cases in by_split.values() for c in cases]
    vectoriser, model = fit([c[0] for c in cases], [c[1] for c in cases], common)
    weights = {
        feature: [round(float(vectoriser.idf_[column]), 5), round(float(model.coef_[0][column]), 5)]
        for feature, column in sorted(vectoriser.vocabulary_.items())
    }
    data = {
        "about": "ADR 8; trained by tools/train_harm_model.py, do not edit",
        "trained_on": sorted(by_split),
        "narratives": len(cases),
        "min_words": min(word_count(c[0]) for c in cases),
        "threshold": THRESHOLD,
        "C": C,
        "intercept": round(float(model.intercept_[0]), 5),
        "common_words": sorted(common),
        "weights": weights,
    }
    OUT.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n")
    print(
        f"wrote {OUT.relative_to(ROOT)}: {len(cases)} narratives from {len(by_split)} "
        f"splits, {len(weights)} features"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loso", action="store_true", help="leave-one-split-out figures only")
    arguments = parser.parse_args()
    by_split = load_cases()
    if arguments.loso:
        leave_one_split_out(by_split)
    else:
        train(by_split)


if __name__ == "__main__":
    main()
