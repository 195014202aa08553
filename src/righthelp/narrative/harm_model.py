"""A learned safety net for significant harm that the lexicon's phrases did not foresee (ADR 8).

A phrase lexicon finds the harms its authors foresaw; every new writer says some of them in
words nobody foresaw ("touching games", "loop-shaped marks"). This model was trained, by
`tools/train_harm_model.py`, on the labelled tuning narratives in `eval/` to tell narratives
whose careful reader ticks a red-flag row from the rest. It only ever adds a red flag for a
person to confirm, never removes one, and it shows its reasons: the sentences that weighed
most and the words in them that did.

It is a logistic regression over the narrative's words and word pairs (TF-IDF), run here in
plain Python from a JSON file: no library and no download at run time. Two kinds of words are
left out so that the model learns what happened to the child, not who wrote or was named:
- what the writer did about it ("called the MASH", "strategy discussion", "police"),
- names (a capitalised word mid-sentence that is not an ordinary word of the documents).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any

from righthelp.narrative.segment import Span, sentences

MODEL_FILE = "harm_model.json"

# The writer's response and the process words of the documents: they say what the writer
# judged, not what happened, and a model that learned them would echo the label.
PROCESS_WORDS = re.compile(
    r"\b(mash|dsls?|marac|strategy|discussions?|police|officers?|pc|ds|dc|referr\w*|refer|"
    r"section|s47|s17|social\s+care|social\s+workers?|sw|duty|lado|999|101|safeguarding|"
    r"leads?|informed|inform|reported|report|contacted|contact|call(ed)?|phoned|rang|"
    r"emailed|notif\w*|cp|child\s+protection|paediatric\w*|paeds|a&e|hospital|immediately|"
    r"urgent\w*|today|consult\w*|advice|advised|threshold|levels?|icpc|plan|eha|"
    r"early\s+help|caf|tac|taf|step\w*)\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[A-Za-z][A-Za-z']+")  # what the model and its training call a word
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*)$")


def words(text: str, common_words: frozenset[str]) -> list[str]:
    """The words the model reads, lower-cased, in order; process words and names left out."""
    text = PROCESS_WORDS.sub(" ", text)
    kept = []
    for match in WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if (
            word[0].isupper()
            and not word.isupper()  # "FGM", "CSE" are words, not names
            and lower not in common_words
            and not _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()])
        ):
            continue  # a name, mid-sentence
        kept.append(lower)
    return kept


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def features(tokens: list[str]) -> list[str]:
    """Words and adjacent word pairs."""
    return tokens + [f"{a} {b}" for a, b in pairwise(tokens)]


@dataclass(frozen=True)
class HarmModel:
    weights: dict[str, tuple[float, float]]  # feature -> (idf, weight)
    intercept: float
    threshold: float
    common_words: frozenset[str]
    trained_on: tuple[str, ...]
    narratives: int
    # the shortest narrative it learned from: a one-line note is outside what it knows
    min_words: int

    def applies(self, text: str) -> bool:
        return word_count(text) >= self.min_words

    def vector(self, text: str) -> dict[str, float]:
        """TF-IDF with sublinear term frequency, L2-normalised, as the model was trained."""
        counts = Counter(f for f in features(words(text, self.common_words)) if f in self.weights)
        raw = {f: (1 + math.log(n)) * self.weights[f][0] for f, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in raw.values())) or 1.0
        return {f: v / norm for f, v in raw.items()}

    def probability(self, text: str) -> float:
        vector = self.vector(text)
        z = self.intercept + sum(v * self.weights[f][1] for f, v in vector.items())
        return 1 / (1 + math.exp(-z))

    def explain(self, text: str, how_many: int = 2) -> list[Reason]:
        """The sentences that weighed most towards harm, each with its heaviest words."""
        vector = self.vector(text)
        reasons = []
        for sentence in sentences(text):
            found = set(features(words(sentence.text, self.common_words)))
            parts = {f: vector[f] * self.weights[f][1] for f in found if f in vector}
            weight = sum(parts.values())
            if weight > 0:
                top = sorted((f for f in parts if parts[f] > 0), key=lambda f: -parts[f])
                reasons.append(Reason(sentence, weight, tuple(top[:5])))
        reasons.sort(key=lambda r: -r.weight)
        return reasons[:how_many]


@dataclass(frozen=True)
class Reason:
    sentence: Span
    weight: float
    words: tuple[str, ...]


# Too common to explain anything to a reader, though the model weighs them.
_NOT_SHOWN = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "him",
        "his",
        "i",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "not",
        "of",
        "on",
        "or",
        "said",
        "she",
        "that",
        "the",
        "then",
        "this",
        "to",
        "was",
        "we",
        "were",
        "with",
        "you",
    ]
)


def shown_words(features: tuple[str, ...]) -> list[str]:
    """The features worth showing a reader: not words every sentence has."""
    return [f for f in features if not set(f.split()) <= _NOT_SHOWN]


def from_dict(data: dict[str, Any]) -> HarmModel:
    return HarmModel(
        weights={f: (float(idf), float(w)) for f, (idf, w) in data["weights"].items()},
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
        common_words=frozenset(data["common_words"]),
        trained_on=tuple(data["trained_on"]),
        narratives=int(data["narratives"]),
        min_words=int(data["min_words"]),
    )


@cache
def shipped() -> HarmModel | None:
    """The model that ships with the package, or None if it is absent (the lexicon works
    alone then)."""
    try:
        raw = resources.files("righthelp.narrative").joinpath(MODEL_FILE).read_text("utf-8")
    except FileNotFoundError:
        return None
    return from_dict(json.loads(raw))
