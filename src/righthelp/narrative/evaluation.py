"""Measuring narrative analysis + decision against labelled narratives (JSONL).

Each line: {"id": str, "text": str, "level": 1-4, "age": int|null, "indicators": [ids]|null}.
A malformed line is reported with its number and skipped. A narrative in which nothing is
found is predicted at Level 1 (universal services): that is what "no additional needs"
means in every pack.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from righthelp.engine import assess
from righthelp.framework.schema import Pack
from righthelp.narrative.analyser import analyse


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    level: int
    age: int | None = None
    indicators: tuple[str, ...] | None = None
    line: int = 0


@dataclass(frozen=True)
class CaseResult:
    case: Case
    predicted_level: int
    predicted_indicators: tuple[str, ...]
    red_flag_predicted: bool
    seconds: float


@dataclass
class Report:
    framework: str
    method: str
    results: list[CaseResult] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self, red_flag_ids: set[str]) -> dict[str, Any]:
        results = self.results
        n = len(results)
        exact = sum(r.predicted_level == r.case.level for r in results)
        within = sum(abs(r.predicted_level - r.case.level) <= 1 for r in results)
        confusion = [[0] * 4 for _ in range(4)]
        for r in results:
            confusion[r.case.level - 1][r.predicted_level - 1] += 1
        red_cases = [r for r in results if set(r.case.indicators or ()) & red_flag_ids]
        labelled = [r for r in results if r.case.indicators is not None]
        true_positive = sum(
            len(set(r.predicted_indicators) & set(r.case.indicators or ())) for r in labelled
        )
        predicted = sum(len(r.predicted_indicators) for r in labelled)
        gold = sum(len(r.case.indicators or ()) for r in labelled)
        latencies = sorted(r.seconds * 1000 for r in results)
        return {
            "framework": self.framework,
            "method": self.method,
            "cases": n,
            "skipped_lines": [{"line": line, "reason": why} for line, why in self.skipped],
            "level_accuracy": _ratio(exact, n),
            "within_one_accuracy": _ratio(within, n),
            "confusion_matrix": {"rows_true_level_1_to_4_columns_predicted_1_to_4": confusion},
            "under_triage": sum(r.predicted_level < r.case.level for r in results),
            "under_triage_level_4": sum(
                r.predicted_level < 4 for r in results if r.case.level == 4
            ),
            "over_triage": sum(r.predicted_level > r.case.level for r in results),
            "red_flag_cases": len(red_cases),
            "red_flag_recall": _ratio(sum(r.red_flag_predicted for r in red_cases), len(red_cases)),
            "indicator_precision": _ratio(true_positive, predicted),
            "indicator_recall": _ratio(true_positive, gold),
            "latency_ms": {
                "p50": _percentile(latencies, 0.5),
                "p95": _percentile(latencies, 0.95),
                "max": latencies[-1] if latencies else None,
            },
            "per_case": [
                {
                    "id": r.case.id,
                    "level": r.case.level,
                    "predicted_level": r.predicted_level,
                    "indicators": list(r.predicted_indicators),
                }
                for r in results
            ],
        }


def read_cases(path: Path) -> tuple[list[Case], list[tuple[int, str]]]:
    cases: list[Case] = []
    skipped: list[tuple[int, str]] = []
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                cases.append(_case(json.loads(line), number))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                skipped.append((number, f"{type(exc).__name__}: {exc}"))
    return cases, skipped


def _case(data: Any, line: int) -> Case:
    if not isinstance(data, dict):
        raise TypeError("each line must be a JSON object")
    level = data["level"]
    if level not in (1, 2, 3, 4) or isinstance(level, bool):
        raise ValueError(f"level must be 1 to 4, got {level!r}")
    age = data.get("age")
    if age is not None and (not isinstance(age, int) or isinstance(age, bool)):
        raise ValueError(f"age must be a whole number or null, got {age!r}")
    text = data["text"]
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    indicators = data.get("indicators")
    if indicators is not None and not all(isinstance(i, str) for i in indicators):
        raise TypeError("indicators must be a list of ids")
    return Case(
        str(data["id"]),
        text,
        level,
        age,
        tuple(indicators) if indicators is not None else None,
        line,
    )


def evaluate(pack: Pack, cases: Iterable[Case], method: str = "lexical") -> Report:
    report = Report(pack.id, method)
    known = {i.id for i in pack.indicators}
    for case in cases:
        unknown = sorted(set(case.indicators or ()) - known)
        if unknown:
            report.skipped.append(
                (case.line, f"unknown indicator id(s) for {pack.id}: {', '.join(unknown)}")
            )
            continue
        start = time.perf_counter()
        analysis = analyse(pack, case.text, age=case.age, method=method)
        decision = assess(pack, analysis.proposed_ids, age=analysis.age)
        seconds = time.perf_counter() - start
        report.results.append(
            CaseResult(
                case,
                decision.level or 1,
                analysis.proposed_ids,
                bool(decision.red_flags),
                seconds,
            )
        )
    return report


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    return round(values[min(len(values) - 1, int(q * len(values)))], 2)
