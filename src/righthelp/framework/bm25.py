"""BM25 over a pack's indicator wording: the lexical similarity of a sentence to each row.

Okapi BM25 (k1 = 1.2, b = 0.75) on Snowball stems without stop words. The index is built
once per pack (packs are immutable) and costs a few milliseconds.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

from righthelp.framework.schema import Pack
from righthelp.framework.search import stems

K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class Bm25Index:
    ids: tuple[str, ...]
    term_counts: tuple[Counter[str], ...]
    lengths: tuple[int, ...]
    idf: dict[str, float]
    average_length: float

    def scores(self, query: list[str], only: frozenset[str] | None = None) -> dict[str, float]:
        """BM25 score of each indicator (restricted to `only`) for the query stems."""
        result: dict[str, float] = {}
        unique = set(query)
        for n, indicator_id in enumerate(self.ids):
            if only is not None and indicator_id not in only:
                continue
            counts, length = self.term_counts[n], self.lengths[n]
            total = 0.0
            for term in unique:
                tf = counts.get(term, 0)
                if tf:
                    norm = tf + K1 * (1 - B + B * length / self.average_length)
                    total += self.idf[term] * tf * (K1 + 1) / norm
            if total:
                result[indicator_id] = total
        return result

    def coverage(self, query: list[str], indicator_id: str) -> float:
        """Share of an indicator's IDF mass that the query contains (0..1)."""
        n = self.ids.index(indicator_id)
        terms = self.term_counts[n]
        mass = sum(self.idf[t] for t in terms)
        have = set(query)
        return sum(self.idf[t] for t in terms if t in have) / mass if mass else 0.0


@cache
def _index_for(pack_key: tuple[str, str], texts: tuple[tuple[str, str], ...]) -> Bm25Index:
    counts = tuple(Counter(stems(text)) for _, text in texts)
    lengths = tuple(sum(c.values()) for c in counts)
    documents = len(texts)
    frequency: Counter[str] = Counter(term for c in counts for term in c)
    idf = {
        term: math.log(1 + (documents - df + 0.5) / (df + 0.5)) for term, df in frequency.items()
    }
    return Bm25Index(
        ids=tuple(i for i, _ in texts),
        term_counts=counts,
        lengths=lengths,
        idf=idf,
        average_length=sum(lengths) / max(documents, 1),
    )


def index(pack: Pack) -> Bm25Index:
    texts = tuple((i.id, i.text) for i in pack.indicators)
    return _index_for((pack.id, pack.metadata.version), texts)
