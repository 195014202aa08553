"""API operations: frameworks, indicators, assess, analyse."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Query
from ninja.errors import HttpError, ValidationError

from righthelp.engine import AssessmentInputError, Consent, Context, assess
from righthelp.engine.serialise import decision_to_dict
from righthelp.framework.schema import Indicator, Pack
from righthelp.framework.search import search_indicators
from righthelp.narrative import NarrativeInputError, analyse
from righthelp.narrative.serialise import analysis_to_dict
from righthelp.web import packs
from righthelp.web.api.problems import PROBLEM_TYPE, field_error, problem
from righthelp.web.api.schemas import (
    AnalyseIn,
    AnalyseOut,
    AssessIn,
    ContextIn,
    DecisionOut,
    FrameworkSummary,
    IndicatorHit,
    Problem,
)


class RightHelpAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        """Error responses are problem details: say so in the schema."""
        schema = super().get_openapi_schema(**kwargs)
        for path in schema.get("paths", {}).values():
            for operation in path.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if str(status).startswith(("4", "5")) and "application/json" in content:
                        content[PROBLEM_TYPE] = content.pop("application/json")
        return schema


api = RightHelpAPI(
    title="RightHelp API",
    version="1",
    description=(
        "Decision support for English children's safeguarding thresholds (levels of need). "
        "Frameworks are each partnership's own threshold document as validated data. "
        "Decision support only: professional judgement decides. Errors are RFC 9457 problem "
        "details (application/problem+json)."
    ),
    docs_url=None,
    openapi_url="/openapi.json",
    urls_namespace="api-v1",
)

ERRORS: dict[int, type[Problem]] = {400: Problem, 404: Problem, 422: Problem}


@api.exception_handler(ValidationError)
def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [field_error(e.get("loc", ()), str(e.get("msg", "invalid"))) for e in exc.errors]
    fields = ", ".join(e["field"] for e in errors)
    return problem(422, detail=f"The request is not valid: {fields}.", errors=errors)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    detail = "The request body is not valid JSON." if exc.status_code == 400 else str(exc)
    return problem(exc.status_code, detail=detail)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem(404, detail=str(exc) or "Not found.")


def _pack(framework_id: str) -> Pack:
    try:
        return packs.pack_or_404(framework_id)
    except Http404:
        raise Http404(f"There is no framework {framework_id!r}.") from None


def _context(data: ContextIn) -> Context:
    return Context(
        early_help_not_improving=data.early_help_not_improving,
        previous_cp_plan=data.previous_cp_plan,
        consent=Consent(data.consent),
    )


def _unknown_ids(pack: Pack, ids: list[str], field: str) -> None:
    known = packs.index_of(pack.id)
    errors = [
        field_error(("body", field, n), f"Unknown indicator {value!r} for {pack.id}.")
        for n, value in enumerate(ids)
        if value not in known
    ]
    if errors:
        raise _Unprocessable(errors)


class _Unprocessable(Exception):
    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__("unprocessable")
        self.errors = errors


@api.exception_handler(_Unprocessable)
def _unprocessable(request: HttpRequest, exc: _Unprocessable) -> HttpResponse:
    return problem(
        422,
        detail="Some indicator ids are not in this framework: see errors.",
        errors=exc.errors,
    )


def _summary(pack: Pack) -> dict[str, Any]:
    meta = pack.metadata
    return {
        "id": pack.id,
        "version": meta.version,
        "partnership": meta.partnership,
        "area": meta.area,
        "title": meta.title,
        "issued": meta.issued,
        "levels": [{"number": lv.number, "name": lv.name} for lv in pack.levels],
        "indicator_count": len(pack.indicators),
        "has_indicator_tables": pack.has_indicator_tables,
    }


@api.get(
    "/frameworks",
    response={200: list[FrameworkSummary]},
    summary="List the frameworks",
    tags=["frameworks"],
)
def list_frameworks(request: HttpRequest) -> list[dict[str, Any]]:
    return [_summary(p) for p in packs.all_packs()]


@api.get(
    "/frameworks/{framework_id}",
    response={200: Pack, **ERRORS},
    summary="A whole framework pack",
    tags=["frameworks"],
)
def get_framework(request: HttpRequest, framework_id: str) -> Pack:
    return _pack(framework_id)


@api.get(
    "/frameworks/{framework_id}/indicators",
    response={200: list[IndicatorHit], **ERRORS},
    summary="List or search a framework's indicators",
    tags=["indicators"],
)
def list_indicators(
    request: HttpRequest,
    framework_id: str,
    q: Query[str | None] = None,
    level: Query[int | None] = None,
    domain: Query[str | None] = None,
) -> list[dict[str, Any]]:
    pack = _pack(framework_id)
    hits: list[tuple[float | None, Indicator]]
    if q and q.strip():
        hits = [
            (round(h.score, 3), h.indicator)
            for h in search_indicators(pack, q[:200], limit=len(pack.indicators))
        ]
    else:
        hits = [(None, i) for i in pack.indicators]
    if level is not None:
        hits = [h for h in hits if h[1].level == level]
    if domain:
        hits = [h for h in hits if h[1].domain == domain]
    return [{"score": score, "indicator": indicator} for score, indicator in hits]


@api.get(
    "/frameworks/{framework_id}/indicators/{indicator_id}",
    response={200: Indicator, **ERRORS},
    summary="One indicator, with its source lines",
    tags=["indicators"],
)
def get_indicator(request: HttpRequest, framework_id: str, indicator_id: str) -> Indicator:
    pack = _pack(framework_id)
    found = packs.index_of(pack.id).get(indicator_id)
    if found is None:
        raise Http404(f"There is no indicator {indicator_id!r} in {pack.id}.")
    return found


@api.post(
    "/frameworks/{framework_id}/assess",
    response={200: DecisionOut, **ERRORS},
    summary="Assess observed indicators: the level, why, and what to do now",
    tags=["decisions"],
)
def assess_indicators(request: HttpRequest, framework_id: str, payload: AssessIn) -> Any:
    pack = _pack(framework_id)
    _unknown_ids(pack, payload.indicators, "indicators")
    try:
        decision = assess(
            pack,
            payload.indicators,
            age=payload.age,
            context=_context(payload.context),
            start=_naive(payload),
        )
    except AssessmentInputError as exc:  # pragma: no cover - input was checked above
        return problem(422, detail=str(exc))
    return decision_to_dict(decision)


@api.post(
    "/frameworks/{framework_id}/analyse",
    response={200: AnalyseOut, **ERRORS},
    summary="Analyse a description: suggested indicators with their evidence, and a decision",
    tags=["decisions"],
)
def analyse_text(request: HttpRequest, framework_id: str, payload: AnalyseIn) -> Any:
    pack = _pack(framework_id)
    _unknown_ids(pack, payload.indicators, "indicators")
    try:
        analysis = analyse(pack, payload.text, age=payload.age)
    except NarrativeInputError as exc:
        raise _Unprocessable([field_error(("body", "text"), str(exc))]) from None
    ids = list(dict.fromkeys([*analysis.proposed_ids, *payload.indicators]))
    age = payload.age if payload.age is not None else analysis.age
    try:
        decision = assess(
            pack, ids, age=age, context=_context(payload.context), start=_naive(payload)
        )
    except AssessmentInputError:  # an age read from the text that is out of range
        decision = assess(
            pack, ids, age=payload.age, context=_context(payload.context), start=_naive(payload)
        )
    return {"analysis": analysis_to_dict(analysis), "decision": decision_to_dict(decision)}


def _naive(payload: AssessIn | AnalyseIn) -> Any:
    """Deadlines count working days in local (UK) time: drop any offset after converting."""
    if payload.start is None:
        return None
    if payload.start.tzinfo is None:
        return payload.start
    from django.utils import timezone

    return timezone.localtime(payload.start).replace(tzinfo=None)
