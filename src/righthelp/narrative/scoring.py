"""How similar a piece of text is to a pack's indicator rows: the matching method.

The analyser asks a `Scorer` two things: how well each candidate row fits a sentence (to
choose among rows a topic points to), and which row, if any, a clause says on its own.
`lexical` (BM25 over stems) needs nothing beyond the package. A semantic scorer (sentence
embeddings) is an optional extra; `get_scorer` says plainly when it is not installed.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from righthelp.framework.bm25 import index
from righthelp.framework.schema import Pack
from righthelp.framework.search import stems

CLAUSE_MATCH_MIN = 0.6  # share of a row's IDF mass a clause must contain on its own
CLAUSE_MATCH_STEMS = 3  # ...and at least this many of the row's words (or all, if fewer)


class Scorer(Protocol):
    name: str

    def similarities(self, pack: Pack, text: str, candidates: frozenset[str]) -> dict[str, float]:
        """Similarity (> 0, any scale) of `text` to each candidate row; absent means none."""
        ...

    def clause_match(self, pack: Pack, clause: str) -> tuple[str, float] | None:
        """The row a clause says on its own, with a confidence in 0..1, or None."""
        ...


class LexicalScorer:
    name = "lexical"

    def similarities(self, pack: Pack, text: str, candidates: frozenset[str]) -> dict[str, float]:
        return index(pack).scores(stems(text), candidates)

    def clause_match(self, pack: Pack, clause: str) -> tuple[str, float] | None:
        query = stems(clause)
        if len(query) < 2:
            return None
        bm25 = index(pack)
        scores = bm25.scores(query)
        if not scores:
            return None
        best = max(scores, key=lambda i: (scores[i], i))
        share = bm25.coverage(query, best)
        row_stems = bm25.term_counts[bm25.ids.index(best)]
        shared = len(set(query) & set(row_stems))
        enough = shared >= min(CLAUSE_MATCH_STEMS, len(row_stems)) and shared >= 2
        return (best, share) if share >= CLAUSE_MATCH_MIN and enough else None


class MethodUnavailable(RuntimeError):
    """The matching method asked for is not installed."""


METHODS = ("lexical", "semantic", "hybrid")


def get_scorer(method: str = "lexical") -> Scorer:
    if method == "lexical":
        return LexicalScorer()
    if method not in METHODS:
        raise ValueError(f"unknown matching method {method!r}; choose from {', '.join(METHODS)}")
    try:
        semantic = importlib.import_module("righthelp.narrative.semantic")
    except ImportError as exc:  # the optional extra is not installed
        raise MethodUnavailable(
            f"the {method} method needs the optional 'semantic' extra "
            f"(pip install 'righthelp[semantic]'): {exc}"
        ) from None
    scorer: Scorer = semantic.scorer(method)
    return scorer
