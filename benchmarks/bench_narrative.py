"""Narrative benchmark: latency for a 400-word narrative, cold start and peak memory.

Targets (issue 3): p95 under 300 ms after warm-up on this 2-core CPU; cold start under 5 s;
peak memory under 1 GB. Run: `make bench` (or `python -m benchmarks.bench_narrative`).
The cold start is measured in a fresh interpreter: import, load the pack, first analysis.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from righthelp.engine import assess
from righthelp.framework.loader import get_pack
from righthelp.narrative import analyse

ROOT = Path(__file__).resolve().parent.parent
COLD = """
import time; t = time.perf_counter()
from righthelp.framework.loader import get_pack
from righthelp.narrative import analyse
from righthelp.engine import assess
pack = get_pack({pack!r}); a = analyse(pack, {text!r}); assess(pack, a.proposed_ids, age=a.age)
print(time.perf_counter() - t)
"""


def narratives_of(words: int) -> list[str]:
    """Development narratives, each repeated/cut to `words` words (synthetic data)."""
    texts = []
    for path in sorted((ROOT / "eval" / "dev").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            tokens = json.loads(line)["text"].split()
            while len(tokens) < words:
                tokens += tokens
            texts.append(" ".join(tokens[:words]))
    return texts


def main(pack_id: str = "luton-2017", rounds: int = 200) -> None:
    texts = narratives_of(400)
    cold = subprocess.run(
        [sys.executable, "-c", COLD.format(pack=pack_id, text=texts[0])],
        capture_output=True,
        text=True,
        check=True,
    )
    print(
        f"cold start (import, load pack, first analysis): {float(cold.stdout) * 1000:.0f} ms "
        "(target < 5 s)"
    )
    pack = get_pack(pack_id)
    for text in texts[:5]:  # warm-up
        analyse(pack, text)
    samples = []
    for n in range(rounds):
        text = texts[n % len(texts)]
        start = time.perf_counter()
        analysis = analyse(pack, text)
        assess(pack, analysis.proposed_ids, age=analysis.age)
        samples.append(time.perf_counter() - start)
    samples.sort()
    print(
        f"400-word narrative, analyse + assess ({pack_id}, {rounds} runs): median "
        f"{statistics.median(samples) * 1000:.1f} ms, p95 "
        f"{samples[int(0.95 * len(samples))] * 1000:.1f} ms (target p95 < 300 ms)"
    )
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory (this process): {peak_kb / 1024:.0f} MB (target < 1 GB)")


if __name__ == "__main__":
    main(*(sys.argv[1:2]))
