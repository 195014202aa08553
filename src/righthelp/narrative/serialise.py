"""Plain JSON-ready dictionaries of analyses, for the CLI's --json and the API."""

from __future__ import annotations

from typing import Any

from righthelp.narrative.analyser import Analysis
from righthelp.narrative.segment import Span


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    return {
        "method": analysis.method,
        "safety_net": analysis.safety_net,
        "age": analysis.age,
        "age_evidence": _span(analysis.age_evidence) if analysis.age_evidence else None,
        "warnings": list(analysis.warnings),
        "truncated": analysis.truncated,
        "closure": _span(analysis.closure) if analysis.closure else None,
        "suggestions": [
            {
                "indicator": s.indicator.id,
                "level": s.indicator.level,
                "text": s.indicator.text,
                "score": round(s.score, 3),
                "proposed": s.proposed,
                "evidence": [_span(e) for e in s.evidence],
                "negated": s.negated,
                "historical": s.historical,
                "other_person": s.other_person,
                "uncertain": s.uncertain,
                "red_flag": s.indicator.red_flag,
                "reason": s.reason,
                "resolved_by": _span(s.resolved_by) if s.resolved_by else None,
                "beside_needs": s.beside_needs,
            }
            for s in analysis.suggestions
        ],
    }


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}
