"""The framework pack schema: one partnership's threshold document as validated data.

A pack is the single source of truth the engine reasons over. Every entry that carries
meaning (level, indicator, contact, timescale, rule, guidance item) keeps a `SourceRef`
to the line range of the document it was transcribed from, so that a safeguarding lead
can review the pack line by line against their PDF.

The models are frozen and reject unknown keys: a typo in a pack is an error, not a
silently ignored field.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
LevelNumber = Annotated[int, Field(ge=1, le=4)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class SourceRef(Model):
    """A 1-based, inclusive line range of the pack's source file."""

    lines: tuple[int, int]

    @model_validator(mode="after")
    def _ordered(self) -> SourceRef:
        first, last = self.lines
        if first < 1 or last < first:
            raise ValueError(f"line range {first}-{last} must be 1-based and ascending")
        return self

    @property
    def label(self) -> str:
        first, last = self.lines
        return f"line {first}" if first == last else f"lines {first}-{last}"


class AssessmentFrameworkGroup(StrEnum):
    """The three sides of the Assessment Framework triangle every document follows."""

    CHILD_DEVELOPMENT = "child-development"
    PARENTS_AND_CARERS = "parents-and-carers"
    FAMILY_AND_ENVIRONMENT = "family-and-environment"


GROUP_TITLES: dict[AssessmentFrameworkGroup, str] = {
    AssessmentFrameworkGroup.CHILD_DEVELOPMENT: "Child's developmental needs",
    AssessmentFrameworkGroup.PARENTS_AND_CARERS: "Parents and carers",
    AssessmentFrameworkGroup.FAMILY_AND_ENVIRONMENT: "Family and environment",
}


class PackMetadata(Model):
    id: Slug
    version: NonEmpty = Field(description="Version of the pack itself (semver).")
    partnership: NonEmpty
    area: NonEmpty
    title: NonEmpty
    issued: NonEmpty = Field(description="Date or version of the document, as it states it.")
    source_file: NonEmpty = Field(description="File name of the source text beside the pack.")
    notes: tuple[str, ...] = ()


class PathwayStep(Model):
    text: NonEmpty
    source: SourceRef


class Agency(StrEnum):
    SINGLE = "single-agency"
    SINGLE_OR_MULTI = "single-or-multi-agency"
    MULTI = "multi-agency"
    STATUTORY = "statutory"


class Response(Model):
    """What the document says should happen at a level."""

    lead: NonEmpty = Field(description="Who leads the work at this level.")
    assessment: NonEmpty = Field(description="Which assessment or plan is used.")
    agency: Agency
    pathway: tuple[PathwayStep, ...] = ()
    contacts: tuple[Slug, ...] = Field(default=(), description="Contact ids to call.")
    timescales: tuple[Slug, ...] = Field(default=(), description="Timescale ids that apply.")
    source: SourceRef


class Level(Model):
    number: LevelNumber
    name: NonEmpty = Field(description="The document's own name, e.g. 'Multiple/Complex'.")
    title: str | None = Field(
        default=None, description="The document's heading for the level, verbatim, if it has one."
    )
    description: NonEmpty
    response: Response
    source: SourceRef


class Domain(Model):
    """A sub-domain of the document's indicator tables, under one Assessment Framework group."""

    id: Slug
    name: NonEmpty
    group: AssessmentFrameworkGroup
    source: SourceRef | None = None


class Transcription(StrEnum):
    VERBATIM = "verbatim"
    # The extracted text is damaged (Milton Keynes' interleaved table cells): the wording
    # was put back together from fragments that each appear in the source.
    RECONSTRUCTED = "reconstructed"
    # Words are missing from the extraction and could not be recovered; `text` marks
    # the gap with "[…]".
    PARTIAL = "partial"


class AgeBounds(Model):
    """Inclusive ages, in years, that an indicator's wording states."""

    min: int | None = Field(default=None, ge=0, le=25)
    max: int | None = Field(default=None, ge=0, le=25)

    @model_validator(mode="after")
    def _bounded(self) -> AgeBounds:
        if self.min is None and self.max is None:
            raise ValueError("age bounds need a min, a max, or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"age min {self.min} is above max {self.max}")
        return self

    def contains(self, age: int) -> bool:
        return (self.min is None or age >= self.min) and (self.max is None or age <= self.max)

    @property
    def label(self) -> str:
        if self.min is None:
            return f"under {self.max + 1}" if self.max is not None else ""
        if self.max is None:
            return f"{self.min} and over"
        return f"{self.min}-{self.max}"


class Indicator(Model):
    id: Slug
    level: LevelNumber
    domain: Slug
    text: NonEmpty = Field(description="The document's wording, verbatim where legible.")
    source: SourceRef
    transcription: Transcription = Transcription.VERBATIM
    fragments: tuple[str, ...] = Field(
        default=(),
        description="For damaged text: the pieces, each found verbatim in the source range.",
    )
    red_flag: bool = Field(default=False, description="The source treats this as significant harm.")
    red_flag_basis: SourceRef | None = Field(
        default=None,
        description="Where the document says this is significant harm, if not the row itself.",
    )
    age: AgeBounds | None = None
    despite_support: bool = Field(
        default=False, description="The wording requires that support has not worked."
    )
    parents_engaging: bool = Field(
        default=False, description="The wording says parents are engaging or responsive."
    )
    historical: bool = Field(
        default=False, description="About the past (e.g. previously subject to a CP plan)."
    )
    cin_codes: tuple[str, ...] = Field(
        default=(), description="Children in Need census assessment-factor codes evidenced."
    )
    tags: tuple[Slug, ...] = Field(
        default=(), description="Cross-pack concepts (e.g. 'fgm', 'sexual-activity')."
    )
    note: str | None = None

    @model_validator(mode="after")
    def _fragments_match_transcription(self) -> Indicator:
        if self.transcription is Transcription.VERBATIM and self.fragments:
            raise ValueError("fragments are only for reconstructed or partial transcriptions")
        if self.transcription is not Transcription.VERBATIM and not self.fragments:
            raise ValueError(f"a {self.transcription.value} transcription needs its fragments")
        return self


class Contact(Model):
    id: Slug
    name: NonEmpty
    purpose: NonEmpty
    phone: str | None = None
    hours: str | None = None
    email: str | None = None
    address: str | None = None
    url: str | None = None
    emergency: bool = Field(default=False, description="An immediate-danger number (999).")
    out_of_hours: bool = False
    source: SourceRef

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.email or self.address or self.url):
            raise ValueError("a contact needs a phone, email, address or url")
        return self

    @property
    def reach(self) -> str:
        """Every way to reach the contact, phone first."""
        return ", ".join(x for x in (self.phone, self.email, self.address, self.url) if x)

    @property
    def first_reach(self) -> str:
        """The one way to reach the contact in a hurry: a phone if there is one."""
        return self.phone or self.email or self.address or self.url or ""


class DurationUnit(StrEnum):
    HOURS = "hours"
    DAYS = "days"
    WORKING_DAYS = "working-days"
    WEEKS = "weeks"
    MONTHS = "months"


class TimescaleKind(StrEnum):
    DEADLINE = "deadline"  # something must happen within it
    REVIEW = "review"  # something recurs at it (with recurring: true)
    PERIOD = "period"  # a length the document uses to define a row ("three years plus")


class Timescale(Model):
    id: Slug
    kind: TimescaleKind = TimescaleKind.DEADLINE
    label: NonEmpty = Field(description="What must happen, e.g. 'Written referral after a call'.")
    amount: int = Field(gt=0)
    amount_max: int | None = Field(default=None, description="Upper bound of a range.")
    unit: DurationUnit
    starts_from: NonEmpty = Field(description="The event the clock starts at.")
    source: SourceRef

    @model_validator(mode="after")
    def _range(self) -> Timescale:
        if self.amount_max is not None and self.amount_max < self.amount:
            raise ValueError("amount_max is below amount")
        return self

    @property
    def label_duration(self) -> str:
        unit = self.unit.value.replace("-", " ")
        span = f"{self.amount}" if self.amount_max is None else f"{self.amount}-{self.amount_max}"
        prefix = {
            TimescaleKind.DEADLINE: "within ",
            TimescaleKind.REVIEW: "every ",
            TimescaleKind.PERIOD: "",
        }[self.kind]
        return f"{prefix}{span} {unit}"


class RuleKind(StrEnum):
    # Significant harm at any level means an immediate referral.
    SIGNIFICANT_HARM_ANY_LEVEL = "significant-harm-any-level"
    # One Level 4 factor among lower ones may not by itself need a referral (Knowsley).
    SINGLE_LEVEL4_JUDGEMENT = "single-level4-judgement"
    # Several lower-level needs together may indicate a higher level.
    CUMULATIVE_LOWER_LEVEL = "cumulative-lower-level"
    # Early help in place and not improving: step up.
    STEP_UP_NOT_IMPROVING = "step-up-not-improving"
    # A previous child protection plan sets a floor on the level.
    PREVIOUS_CHILD_PROTECTION_PLAN = "previous-child-protection-plan"
    # Sexual activity below an age is significant harm whatever level the row sits at.
    UNDERAGE_SEXUAL_ACTIVITY = "underage-sexual-activity"
    # How consent applies to early help and to referrals.
    CONSENT = "consent"
    # The document gives no indicator tables: no level can be computed from indicators.
    NO_INDICATOR_TABLES = "no-indicator-tables"


# The parameters each kind of rule reads; any other key is a mistake in the pack.
RULE_PARAMS: dict[RuleKind, frozenset[str]] = {
    RuleKind.CUMULATIVE_LOWER_LEVEL: frozenset(
        {"min_indicators", "min_groups", "max_level", "min_level"}
    ),
    # the level the document places a child whose early help is not improving (the level of
    # the section its sentence is in); without it, one level up
    RuleKind.STEP_UP_NOT_IMPROVING: frozenset({"to_level"}),
    RuleKind.PREVIOUS_CHILD_PROTECTION_PLAN: frozenset({"min_level"}),
    RuleKind.UNDERAGE_SEXUAL_ACTIVITY: frozenset({"below_age"}),
    RuleKind.CONSENT: frozenset({"applies_to"}),
}


class Rule(Model):
    id: Slug
    kind: RuleKind
    text: NonEmpty = Field(description="The document's words for the rule.")
    source: SourceRef
    params: dict[str, int | str | bool | list[str]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known_params(self) -> Rule:
        unknown = set(self.params) - RULE_PARAMS.get(self.kind, frozenset())
        if unknown:
            raise ValueError(
                f"rule kind {self.kind.value} takes no parameter(s) {', '.join(sorted(unknown))}"
            )
        return self


class GuidanceKind(StrEnum):
    JUDGEMENT_QUESTIONS = "judgement-questions"
    STRUCTURE_MAP = "structure-map"
    SIGNS_OF_SAFETY = "signs-of-safety"
    SUMMARY_TABLE = "summary-table"
    INFORMATION_SHARING = "information-sharing"
    ESCALATION = "escalation"
    REFERRAL = "referral"
    OTHER = "other"


class GuidanceItem(Model):
    text: NonEmpty
    heading: str | None = None
    source: SourceRef


class Guidance(Model):
    id: Slug
    kind: GuidanceKind
    title: NonEmpty
    items: tuple[GuidanceItem, ...] = Field(min_length=1)
    source: SourceRef


class MatrixBand(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class MatrixRow(Model):
    low: str | None = None
    moderate: str | None = None
    high: str | None = None
    source: SourceRef


class MatrixOutcomeArea(Model):
    id: Slug
    name: NonEmpty
    aspects: tuple[str, ...] = ()
    rows: tuple[MatrixRow, ...] = ()
    source: SourceRef


class MatrixBandDescription(Model):
    band: MatrixBand
    description: NonEmpty
    source: SourceRef


class MatrixAllocation(Model):
    band: MatrixBand
    criteria: tuple[str, ...] = ()
    desired_outcomes: tuple[str, ...] = ()
    example_services: tuple[str, ...] = ()
    source: SourceRef


class DisabilityMatrix(Model):
    title: NonEmpty
    outcome_areas: tuple[MatrixOutcomeArea, ...] = Field(min_length=1)
    overall_need: tuple[MatrixBandDescription, ...] = ()
    allocation: tuple[MatrixAllocation, ...] = ()
    source: SourceRef


class IgnoredText(Model):
    """Text inside an indicator table that is not an indicator (a header, a page number)."""

    text: NonEmpty
    reason: NonEmpty
    source: SourceRef


class Pack(Model):
    metadata: PackMetadata
    levels: tuple[Level, ...]
    domains: tuple[Domain, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    contacts: tuple[Contact, ...] = ()
    timescales: tuple[Timescale, ...] = ()
    rules: tuple[Rule, ...] = ()
    guidance: tuple[Guidance, ...] = ()
    disability_matrix: DisabilityMatrix | None = None
    indicator_tables: tuple[SourceRef, ...] = Field(
        default=(), description="Line ranges of the source's indicator tables (for coverage)."
    )
    ignored_text: tuple[IgnoredText, ...] = ()

    @model_validator(mode="after")
    def _cross_references(self) -> Pack:
        errors: list[str] = []
        numbers = sorted(level.number for level in self.levels)
        if numbers != [1, 2, 3, 4]:
            errors.append(f"levels: need exactly levels 1-4 once each, got {numbers}")
        errors += _duplicates("domains", [d.id for d in self.domains])
        errors += _duplicates("indicators", [i.id for i in self.indicators])
        errors += _duplicates("contacts", [c.id for c in self.contacts])
        errors += _duplicates("timescales", [t.id for t in self.timescales])
        errors += _duplicates("rules", [r.id for r in self.rules])
        errors += _duplicates("guidance", [g.id for g in self.guidance])
        domain_ids = {d.id for d in self.domains}
        for n, ind in enumerate(self.indicators):
            if ind.domain not in domain_ids:
                errors.append(f"indicators[{n}] ({ind.id}).domain: unknown domain {ind.domain!r}")
        contact_ids = {c.id for c in self.contacts}
        timescale_ids = {t.id for t in self.timescales}
        for n, level in enumerate(self.levels):
            for cid in level.response.contacts:
                if cid not in contact_ids:
                    errors.append(f"levels[{n}].response.contacts: unknown contact {cid!r}")
            for tid in level.response.timescales:
                if tid not in timescale_ids:
                    errors.append(f"levels[{n}].response.timescales: unknown timescale {tid!r}")
                elif self.timescale(tid).kind is TimescaleKind.PERIOD:
                    errors.append(
                        f"levels[{n}].response.timescales: {tid!r} is a period, not a deadline"
                    )
        has_no_tables_rule = any(r.kind is RuleKind.NO_INDICATOR_TABLES for r in self.rules)
        if not self.indicators and not has_no_tables_rule:
            errors.append("indicators: a pack without indicators needs a no-indicator-tables rule")
        if self.indicators and has_no_tables_rule:
            errors.append("rules: a no-indicator-tables rule contradicts the pack's indicators")
        if errors:
            raise ValueError("; ".join(errors))
        return self

    def __repr__(self) -> str:  # the full pack is thousands of lines: name it instead
        return f"Pack({self.metadata.id!r}, version={self.metadata.version!r})"

    # -- lookups -------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.metadata.id

    def level(self, number: int) -> Level:
        return next(level for level in self.levels if level.number == number)

    def domain(self, domain_id: str) -> Domain:
        return next(d for d in self.domains if d.id == domain_id)

    def rules_of(self, kind: RuleKind) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.kind is kind)

    def contact(self, contact_id: str) -> Contact:
        return next(c for c in self.contacts if c.id == contact_id)

    def timescale(self, timescale_id: str) -> Timescale:
        return next(t for t in self.timescales if t.id == timescale_id)

    @property
    def has_indicator_tables(self) -> bool:
        return bool(self.indicators)


def _duplicates(where: str, ids: list[str]) -> list[str]:
    return [f"{where}: id {i!r} is used {n} times" for i, n in Counter(ids).items() if n > 1]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a pack, for editors and reviewers."""
    return Pack.model_json_schema()
