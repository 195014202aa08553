"""Engine benchmark: median decision time for 30 indicators, and cold load of all packs.

Targets (issue 2): a decision under 1 ms; loading all five packs under 300 ms.
Run: `make bench` (or `.venv/bin/python -m benchmarks.bench_engine`). Prints its figures.
"""

from __future__ import annotations

import random
import statistics
import time

from righthelp.engine import Context, assess
from righthelp.framework import loader


def _cold_load_seconds() -> float:
    loader._source_lines.cache_clear()  # a cold start reads and checks every source again
    start = time.perf_counter()
    for pack_id in loader.pack_ids():
        loader.load_pack(pack_id)
    return time.perf_counter() - start


def main(rounds: int = 2000, seed: int = 7) -> None:
    loads = [_cold_load_seconds() for _ in range(7)]
    packs = loader.load_all_packs()
    print(
        f"load all {len(packs)} packs (validate + provenance): median "
        f"{statistics.median(loads) * 1000:.1f} ms, max {max(loads) * 1000:.1f} ms "
        f"(target < 300 ms)"
    )
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
