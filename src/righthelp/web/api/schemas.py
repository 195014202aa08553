"""The API's request and response bodies (OpenAPI at /api/v1/openapi.json).

Responses mirror the core's serialisers (`decision_to_dict`, `analysis_to_dict`) so the API
and the CLI's --json say the same thing; these schemas document and check them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, Field, field_validator

from righthelp.framework.schema import Indicator

ConsentValue = Literal["given", "refused", "not-sought", "unknown"]
MAX_IDS = 500
MAX_TEXT = 100_000


class Strict(Schema):
    """Request bodies: unknown fields, and values of the wrong JSON type, are errors (no
    "9" for 9, no 1 for true, no number for a date)."""

    model_config = ConfigDict(extra="forbid", strict=True)


START = Field(
    default=None,
    strict=False,
    description="When the clock starts, to give due times for the deadlines "
    "(ISO 8601, e.g. 2026-11-23T09:30).",
)


def _iso_only(value: object) -> object:
    if value is None or isinstance(value, str):
        return value
    raise ValueError("give the date and time as an ISO 8601 string, e.g. 2026-11-23T09:30")


def _whole_number(value: object) -> object:
    """JSON has one number type: 9.0 is the number 9, and JSON Schema's "integer" accepts it.
    A float with a fraction (9.5), a string or a boolean is still an error."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class ContextIn(Strict):
    early_help_not_improving: bool = Field(
        default=False, description="Early help is in place and the situation is not improving."
    )
    previous_cp_plan: bool = Field(
        default=False, description="The child was previously subject to a child protection plan."
    )
    consent: ConsentValue = Field(default="unknown", description="The family's consent status.")


class AssessIn(Strict):
    indicators: list[str] = Field(
        default_factory=list, max_length=MAX_IDS, description="Observed indicator ids."
    )
    age: int | None = Field(None, ge=0, le=25, description="The child's age in whole years.")
    context: ContextIn = Field(default=ContextIn())
    start: datetime | None = START

    _start_is_a_string = field_validator("start", mode="before")(_iso_only)
    _age_is_a_whole_number = field_validator("age", mode="before")(_whole_number)


class AnalyseIn(Strict):
    text: str = Field(
        min_length=1,
        max_length=MAX_TEXT,
        description="The practitioner's description (the first 20,000 characters are read).",
    )
    age: int | None = Field(None, ge=0, le=25)
    context: ContextIn = Field(default=ContextIn())
    indicators: list[str] = Field(
        default_factory=list, max_length=MAX_IDS, description="Further observed indicator ids."
    )
    start: datetime | None = START

    _start_is_a_string = field_validator("start", mode="before")(_iso_only)
    _age_is_a_whole_number = field_validator("age", mode="before")(_whole_number)


# -- responses -------------------------------------------------------------------------


class LevelOut(Schema):
    number: int
    name: str


class FrameworkSummary(Schema):
    id: str
    version: str
    partnership: str
    area: str
    title: str
    issued: str
    levels: list[LevelOut]
    indicator_count: int
    has_indicator_tables: bool


class SourceOut(Schema):
    lines: list[int]


class MatchedOut(Schema):
    id: str
    level: int
    text: str
    red_flag: bool
    cin_codes: list[str]
    source: SourceOut | None


class DomainOut(Schema):
    domain: str
    domain_name: str
    group: str
    indicators: list[MatchedOut]


class ReasonOut(Schema):
    code: str
    text: str
    indicators: list[str]
    rule: str | None
    source: SourceOut | None


class StepOut(Schema):
    text: str
    source: SourceOut | None


class ContactOut(Schema):
    id: str
    name: str
    purpose: str
    phone: str | None
    hours: str | None
    email: str | None
    address: str | None
    url: str | None
    emergency: bool
    out_of_hours: bool


class DeadlineOut(Schema):
    id: str
    label: str
    duration: str
    starts_from: str
    due: str | None
    due_latest: str | None
    source: SourceOut | None


class ContextOut(Schema):
    early_help_not_improving: bool
    previous_cp_plan: bool
    consent: str


class DecisionOut(Schema):
    framework: str
    framework_version: str
    level: int | None
    level_name: str | None
    urgency: Literal["immediate", "same-day", "routine"]
    red_flags: list[str]
    immediate_action: list[str]
    age: int | None
    context: ContextOut
    indicators_by_domain: list[DomainOut]
    reasons: list[ReasonOut]
    warnings: list[ReasonOut]
    next_steps: list[StepOut]
    contacts: list[ContactOut]
    deadlines: list[DeadlineOut]
    caveat: str


class SpanOut(Schema):
    start: int
    end: int
    text: str


class SuggestionOut(Schema):
    indicator: str
    level: int
    text: str
    score: float
    proposed: bool
    evidence: list[SpanOut]
    negated: bool
    historical: bool
    other_person: bool
    uncertain: bool
    red_flag: bool
    reason: str = Field(
        "", description="Why, when no known phrase explains it (the learned model)."
    )
    resolved_by: SpanOut | None = Field(
        None, description="The closing words of the text that met this need (not ticked)."
    )
    beside_needs: bool = Field(
        False, description="Going well (Level 1), beside needs above Level 1 (not ticked)."
    )


class AnalysisOut(Schema):
    method: str
    age: int | None
    age_evidence: SpanOut | None
    warnings: list[str]
    truncated: bool
    safety_net: str | None = None
    closure: SpanOut | None = None
    suggestions: list[SuggestionOut]


class AnalyseOut(Schema):
    analysis: AnalysisOut
    decision: DecisionOut


class IndicatorHit(Schema):
    score: float | None = Field(None, description="Search relevance (0-1), with ?q= only.")
    indicator: Indicator


class FieldErrorOut(Schema):
    field: str = Field(description="The field, as a dotted path: context.consent, indicators[2].")
    location: Literal["body", "query", "path", "header", "cookie"]
    pointer: str = Field(description="A JSON Pointer (RFC 6901) into the request body.")
    detail: str


class Problem(Schema):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[FieldErrorOut] | None = None
