"""Engine benchmark: median decision time for 30 indicators, and cold load of all packs.

Targets (issue 2): a decision under 1 ms; loading all five packs under 300 ms.
Run: `make bench` (or `.venv/bin/python -m benchmarks.bench_engine`). Prints its figures.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time

from righthelp.engine import Context, assess
from righthelp.framework import loader


def _cold_load_seconds(check_provenance: bool, cache: str) -> float:
    loader._source_lines.cache_clear()  # a new process reads every file again
    os.environ["RIGHTHELP_CACHE_DIR"] = cache
    start = time.perf_counter()
    for pack_id in loader.pack_ids():
        loader.load_pack(pack_id, check_provenance=check_provenance)
    return time.perf_counter() - start


def main(rounds: int = 2000, seed: int = 7) -> None:
    cache = tempfile.mkdtemp(prefix="righthelp-bench-")
    first = _cold_load_seconds(False, cache)
    print(
        f"load all {len(loader.pack_ids())} packs, first run (YAML parsed): {first * 1000:.1f} ms"
    )
    runs = (
        (False, cache, "as the product loads them, parse cache warm"),
        (False, "off", "no parse cache"),
        (True, cache, "with provenance, parse cache warm"),
    )
    for provenance, folder, what in runs:
        loads = sorted(_cold_load_seconds(provenance, folder) for _ in range(7))
        target = " (target < 300 ms)" if folder == cache and not provenance else ""
        print(
            f"load all {len(loader.pack_ids())} packs ({what}): median "
            f"{statistics.median(loads) * 1000:.1f} ms, max {loads[-1] * 1000:.1f} ms{target}"
        )
    packs = loader.load_all_packs()
    rng = random.Random(seed)
    for pack in packs.values():
        if len(pack.indicators) < 30:
            continue
        ids = [i.id for i in pack.indicators]
        samples = []
        for _ in range(rounds):
            chosen = rng.sample(ids, 30)
            age = rng.randint(0, 17)
            context = Context(early_help_not_improving=rng.random() < 0.3)
            start = time.perf_counter()
            assess(pack, chosen, age=age, context=context)
            samples.append(time.perf_counter() - start)
        samples.sort()
        print(
            f"assess {pack.id} with 30 indicators: median "
            f"{statistics.median(samples) * 1e6:.0f} us, p95 "
            f"{samples[int(len(samples) * 0.95)] * 1e6:.0f} us (target median < 1 ms)"
        )


if __name__ == "__main__":
    main()
