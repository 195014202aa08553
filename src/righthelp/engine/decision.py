"""The decision engine: from observed indicators to an explained level of need.

`assess` is pure and deterministic: the same pack and inputs give the same, immutable
`Decision`, whatever the order of the indicator ids. Each step that sets or moves the level
adds a `Reason` naming the indicator or rule it rests on, with its source lines, so that a
practitioner can see why and a reviewer can check it against the document.

Safety comes before the document's levels: any red flag (significant harm) gives Level 4,
immediate urgency and the immediate action (999, then the front door), whatever else is
present. The level only ever moves up from the highest level observed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from righthelp.engine.deadlines import add_duration
from righthelp.framework.schema import (
    GROUP_TITLES,
    Contact,
    Domain,
    Indicator,
    Pack,
    PathwayStep,
    Rule,
    RuleKind,
    SourceRef,
    Timescale,
)

MAX_AGE = 25  # care leavers are supported to 25
CAVEAT = (
    "This is decision support, not a decision. Professional judgement decides: discuss it with "
    "your designated safeguarding lead, and record your reasons if you decide differently."
)
EMERGENCY = Contact(
    id="emergency-999",
    name="Police and ambulance (emergency)",
    purpose="If a child is in immediate danger",
    phone="999",
    emergency=True,
    source=SourceRef(lines=(1, 1)),
)
IMMEDIATE_DANGER = "If a child is in immediate danger, call 999."
# National law, applied where a document states no age rule of its own. It cites no line of
# the document (its source is None in the reasons), only the Act.
NATIONAL_UNDER_13 = Rule(
    id="national-under-13",
    kind=RuleKind.UNDERAGE_SEXUAL_ACTIVITY,
    text="A child under 13 cannot legally consent to any sexual activity (Sexual Offences Act "
    "2003, sections 5-8).",
    source=SourceRef(lines=(1, 1)),
    params={"below_age": 13},
)


class Urgency(StrEnum):
    IMMEDIATE = "immediate"
    SAME_DAY = "same-day"
    ROUTINE = "routine"


class Consent(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    NOT_SOUGHT = "not-sought"
    UNKNOWN = "unknown"


class ReasonCode(StrEnum):
    RED_FLAG = "red-flag"
    AGE_RULE = "age-rule"
    HIGHEST_LEVEL = "highest-level"
    CUMULATIVE = "cumulative-lower-level"
    STEP_UP = "step-up-not-improving"
    NO_STEP_UP_RULE = "no-step-up-rule"
    PREVIOUS_CP_PLAN = "previous-child-protection-plan"
    SINGLE_LEVEL4_JUDGEMENT = "single-level4-judgement"
    AGE_OUTSIDE_BOUNDS = "age-outside-bounds"
    NO_INDICATORS = "no-indicators"
    NO_INDICATOR_TABLES = "no-indicator-tables"
    CONSENT = "consent"


class AssessmentInputError(ValueError):
    """Input the engine cannot assess: unknown indicator ids, an invalid age."""

    def __init__(self, message: str, unknown_ids: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.unknown_ids = unknown_ids


@dataclass(frozen=True)
class Context:
    """What the practitioner knows beyond the indicators."""

    early_help_not_improving: bool = False
    previous_cp_plan: bool = False
    consent: Consent = Consent.UNKNOWN


@dataclass(frozen=True)
class MatchedIndicator:
    indicator: Indicator
    domain: Domain
    red_flag: bool  # effective: the row's own flag, or an age rule that made it one


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    text: str
    indicator_ids: tuple[str, ...] = ()
    rule_id: str | None = None
    source: SourceRef | None = None


@dataclass(frozen=True)
class Deadline:
    timescale: Timescale
    due: datetime | None = None
    due_latest: datetime | None = None

    def describe(self) -> str:
        """'Written referral: within 3 hours of the call, due Mon 23 Nov 2026 12:30'."""
        ts = self.timescale
        due = f", due {self.due:%a %d %b %Y %H:%M}" if self.due else ""
        latest = f" to {self.due_latest:%a %d %b %Y %H:%M}" if self.due_latest else ""
        return f"{ts.label}: {ts.label_duration} of {ts.starts_from}{due}{latest}"


@dataclass(frozen=True)
class Decision:
    pack_id: str
    pack_version: str
    level: int | None
    level_name: str | None
    urgency: Urgency
    matched: tuple[MatchedIndicator, ...]
    reasons: tuple[Reason, ...]
    next_steps: tuple[PathwayStep, ...]
    contacts: tuple[Contact, ...]
    deadlines: tuple[Deadline, ...]
    immediate_action: tuple[str, ...]
    age: int | None
    context: Context
    grouped: tuple[tuple[Domain, tuple[MatchedIndicator, ...]], ...] = ()
    caveat: str = CAVEAT
    warnings: tuple[Reason, ...] = field(default=())

    @property
    def red_flags(self) -> tuple[str, ...]:
        return tuple(m.indicator.id for m in self.matched if m.red_flag)

    def by_domain(self) -> tuple[tuple[Domain, tuple[MatchedIndicator, ...]], ...]:
        """Matched indicators grouped by domain, in the pack's domain order."""
        return self.grouped


def assess(
    pack: Pack,
    indicator_ids: Iterable[str] = (),
    age: int | None = None,
    context: Context | None = None,
    start: datetime | None = None,
) -> Decision:
    """Assess observed indicators against one pack. Raises AssessmentInputError on bad input."""
    context = context or Context()
    ids = _checked_input(pack, indicator_ids, age)
    domains = {d.id: d for d in pack.domains}
    indicators = {i.id: i for i in pack.indicators}
    matched = tuple(
        sorted(
            (
                MatchedIndicator(
                    indicators[i],
                    domains[indicators[i].domain],
                    _is_red_flag(pack, indicators[i], age),
                )
                for i in ids
            ),
            key=_match_key,
        )
    )
    reasons, warnings, level = _level(pack, matched, age, context)
    red_flag = any(m.red_flag for m in matched)
    urgency = _urgency(level, red_flag)
    level_obj = pack.level(level) if level else None
    contacts = _contacts(pack, level, red_flag)
    return Decision(
        pack_id=pack.id,
        pack_version=pack.metadata.version,
        level=level,
        level_name=level_obj.name if level_obj else None,
        urgency=urgency,
        matched=matched,
        reasons=tuple(reasons + _consent_reasons(pack, level, red_flag, context.consent)),
        next_steps=level_obj.response.pathway if level_obj else (),
        contacts=contacts,
        deadlines=_deadlines(pack, level, start),
        immediate_action=_immediate_action(contacts) if red_flag else (),
        age=age,
        context=context,
        warnings=tuple(warnings),
        grouped=_group_by_domain(pack, matched),
    )


# -- input checks -----------------------------------------------------------------------


def _checked_input(pack: Pack, indicator_ids: Iterable[str], age: object) -> frozenset[str]:
    """The distinct indicator ids, or one error naming every unknown id and a bad age."""
    if isinstance(indicator_ids, str):
        indicator_ids = [indicator_ids]
    ids = frozenset(indicator_ids)
    unknown = tuple(sorted(ids - {i.id for i in pack.indicators}))
    problems = []
    if unknown:
        problems.append(f"unknown indicator id(s) for {pack.id}: {', '.join(unknown)}")
    bad_age = age is not None and (
        isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_AGE
    )
    if bad_age:
        problems.append(f"invalid age {age!r}: give whole years from 0 to {MAX_AGE}, or no age")
    if problems:
        raise AssessmentInputError("; ".join(problems), unknown_ids=unknown)
    return ids


# -- the level --------------------------------------------------------------------------


def _is_red_flag(pack: Pack, indicator: Indicator, age: int | None) -> bool:
    if indicator.red_flag:
        return True
    return _underage_rule(pack, indicator, age) is not None


def _underage_rule(pack: Pack, indicator: Indicator, age: int | None) -> Rule | None:
    """The rule that makes this sexual-activity row significant harm at this age, if any.

    A document's own rule first; where it states none, the law of England: a child under
    13 cannot consent to sexual activity (Sexual Offences Act 2003, sections 5-8).
    """
    if age is None or "sexual-activity" not in indicator.tags:
        return None
    if "strengths" in indicator.tags:  # "sexual behaviour appropriate to age" is no harm
        return None
    rules = pack.rules_of(RuleKind.UNDERAGE_SEXUAL_ACTIVITY) or (NATIONAL_UNDER_13,)
    for rule in rules:
        below = rule.params.get("below_age")
        if isinstance(below, int) and age < below:
            return rule
    return None


def _level(
    pack: Pack, matched: tuple[MatchedIndicator, ...], age: int | None, context: Context
) -> tuple[list[Reason], list[Reason], int | None]:
    reasons: list[Reason] = []
    warnings = _age_warnings(matched, age)
    if not pack.has_indicator_tables:
        rule = pack.rules_of(RuleKind.NO_INDICATOR_TABLES)[0]
        reasons.append(
            Reason(
                ReasonCode.NO_INDICATOR_TABLES,
                f"{pack.metadata.title} has no indicator tables, so RightHelp cannot "
                "suggest a level "
                "from indicators for this partnership. Use its questions for a professional "
                "judgement and its referral rule.",
                rule_id=rule.id,
                source=rule.source,
            )
        )
        return reasons + _significant_harm_reminder(pack), warnings, None
    level: int | None = None
    if matched:
        level = max(m.indicator.level for m in matched)
        top = tuple(m for m in matched if m.indicator.level == level)
        reasons.append(
            Reason(
                ReasonCode.HIGHEST_LEVEL,
                f"The highest level among the observed indicators is Level {level} "
                f"({pack.level(level).name}): "
                + "; ".join(f"“{m.indicator.text}”" for m in top[:3])
                + ("; …" if len(top) > 3 else ""),
                indicator_ids=tuple(m.indicator.id for m in top),
            )
        )
        level = _cumulative(pack, matched, level, reasons)
    else:
        reasons.append(Reason(ReasonCode.NO_INDICATORS, "No indicators were observed."))
    level = _step_up(pack, level, context, reasons)
    level = _previous_plan(pack, level, context, reasons)
    level = _red_flags(pack, matched, age, level, reasons)
    _single_level4(pack, matched, level, reasons)
    return reasons, warnings, level


def _words_of(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _cumulative(
    pack: Pack, matched: tuple[MatchedIndicator, ...], level: int, reasons: list[Reason]
) -> int:
    for rule in pack.rules_of(RuleKind.CUMULATIVE_LOWER_LEVEL):
        min_indicators = _int_param(rule, "min_indicators", 3)
        min_groups = _int_param(rule, "min_groups", 2)
        max_level = _int_param(rule, "max_level", 3)
        # Level 1 rows describe needs met by universal services: they do not add up to need.
        min_level = _int_param(rule, "min_level", 2)
        at_top = [m for m in matched if m.indicator.level == level]
        groups = {m.domain.group for m in at_top}
        # a document that lists one need in two domains (same words) lists one need
        needs = {_words_of(m.indicator.text) for m in at_top}
        enough = len(needs) >= min_indicators and len(groups) >= min_groups
        if enough and min_level <= level < max_level:
            group_names = ", ".join(sorted(GROUP_TITLES[g] for g in groups))
            reasons.append(
                Reason(
                    ReasonCode.CUMULATIVE,
                    f"{len(needs)} Level {level} needs across {len(groups)} areas "
                    f"({group_names}): "
                    f"their cumulative effect indicates Level {level + 1}. “{rule.text}”",
                    indicator_ids=tuple(m.indicator.id for m in at_top),
                    rule_id=rule.id,
                    source=rule.source,
                )
            )
            return level + 1
    return level


def _step_up(pack: Pack, level: int | None, context: Context, reasons: list[Reason]) -> int | None:
    if not context.early_help_not_improving:
        return level
    rules = pack.rules_of(RuleKind.STEP_UP_NOT_IMPROVING)
    if not rules:
        reasons.append(
            Reason(
                ReasonCode.NO_STEP_UP_RULE,
                "Early help is in place and not improving things. This document states no step-up "
                "rule: discuss whether the level should rise with your safeguarding lead.",
            )
        )
        return level
    rule = rules[0]
    base = max(level or 0, 2)  # early help in place means needs at Level 2 at least
    # where the document says (the level of the section its sentence is in), else one up
    to_level = _int_param(rule, "to_level", 0)
    stepped = max(base, to_level) if to_level else min(4, base + 1)
    outcome = (
        f"the document places this at Level {stepped}, the level already indicated"
        if stepped == level
        else f"step up to Level {stepped}"
    )
    reasons.append(
        Reason(
            ReasonCode.STEP_UP,
            f"Early help is in place and the child's situation is not improving: {outcome}. "
            f"“{rule.text}”",
            rule_id=rule.id,
            source=rule.source,
        )
    )
    return stepped


def _previous_plan(
    pack: Pack, level: int | None, context: Context, reasons: list[Reason]
) -> int | None:
    if not context.previous_cp_plan:
        return level
    for rule in pack.rules_of(RuleKind.PREVIOUS_CHILD_PROTECTION_PLAN):
        floor = _int_param(rule, "min_level", 3)
        if level is None or level < floor:
            reasons.append(
                Reason(
                    ReasonCode.PREVIOUS_CP_PLAN,
                    f"The child was previously subject to a child protection plan: at least Level "
                    f"{floor}. “{rule.text}”",
                    rule_id=rule.id,
                    source=rule.source,
                )
            )
            return floor
    return level


def _red_flags(
    pack: Pack,
    matched: tuple[MatchedIndicator, ...],
    age: int | None,
    level: int | None,
    reasons: list[Reason],
) -> int | None:
    flagged = [m for m in matched if m.red_flag]
    if not flagged:
        return level
    harm_rules = pack.rules_of(RuleKind.SIGNIFICANT_HARM_ANY_LEVEL)
    for match in flagged:
        rule = _underage_rule(pack, match.indicator, age) if not match.indicator.red_flag else None
        if rule is not None:
            national = rule is NATIONAL_UNDER_13
            reasons.append(
                Reason(
                    ReasonCode.AGE_RULE,
                    f"The child is {age}: “{match.indicator.text}” is significant harm below age "
                    f"{rule.params['below_age']}. "
                    + (
                        f"{rule.text} This document states no age rule: the law applies."
                        if national
                        else f"“{rule.text}”"
                    ),
                    indicator_ids=(match.indicator.id,),
                    rule_id=rule.id,
                    source=None if national else rule.source,
                )
            )
            continue
        basis = match.indicator.red_flag_basis or match.indicator.source
        reasons.append(
            Reason(
                ReasonCode.RED_FLAG,
                f"Significant harm: “{match.indicator.text}” (Level {match.indicator.level} row, "
                f"{match.domain.name}). A red flag always means Level 4 and an immediate referral.",
                indicator_ids=(match.indicator.id,),
                rule_id=harm_rules[0].id if harm_rules else None,
                source=basis,
            )
        )
    return 4


def _single_level4(
    pack: Pack, matched: tuple[MatchedIndicator, ...], level: int | None, reasons: list[Reason]
) -> None:
    rules = pack.rules_of(RuleKind.SINGLE_LEVEL4_JUDGEMENT)
    level4 = [m for m in matched if m.indicator.level == 4]
    if not rules or level != 4 or len(level4) != 1 or any(m.red_flag for m in matched):
        return
    reasons.append(
        Reason(
            ReasonCode.SINGLE_LEVEL4_JUDGEMENT,
            f"Only one Level 4 factor (“{level4[0].indicator.text}”) is present among lower-level "
            f"needs: it may not by itself require a referral. Apply professional judgement "
            "and seek "
            f"advice. “{rules[0].text}”",
            indicator_ids=(level4[0].indicator.id,),
            rule_id=rules[0].id,
            source=rules[0].source,
        )
    )


def _age_warnings(matched: tuple[MatchedIndicator, ...], age: int | None) -> list[Reason]:
    if age is None:
        return []
    return [
        Reason(
            ReasonCode.AGE_OUTSIDE_BOUNDS,
            f"“{m.indicator.text}” is worded for ages {m.indicator.age.label}; the child is "
            f"{age}. It is kept because it was observed: check it fits.",
            indicator_ids=(m.indicator.id,),
            source=m.indicator.source,
        )
        for m in matched
        if m.indicator.age is not None and not m.indicator.age.contains(age)
    ]


def _significant_harm_reminder(pack: Pack) -> list[Reason]:
    return [
        Reason(ReasonCode.RED_FLAG, f"“{rule.text}”", rule_id=rule.id, source=rule.source)
        for rule in pack.rules_of(RuleKind.SIGNIFICANT_HARM_ANY_LEVEL)
    ]


def _consent_situation(level: int | None, red_flag: bool) -> str | None:
    """Which consent rules apply: to a child protection referral, another referral, or
    early help. Level 1 needs no consent step."""
    if red_flag:
        return "child-protection"
    if level in (3, 4):
        return "referral"
    return "early-help" if level == 2 else None


def _consent_reasons(
    pack: Pack, level: int | None, red_flag: bool, consent: Consent
) -> list[Reason]:
    situation = _consent_situation(level, red_flag)
    status = "" if consent is Consent.UNKNOWN else f" ({consent.value.replace('-', ' ')})"
    reasons = []
    for rule in pack.rules_of(RuleKind.CONSENT):
        applies = rule.params.get("applies_to")
        scope = [applies] if isinstance(applies, str) else applies
        if isinstance(scope, list) and scope and situation not in scope:
            continue
        reasons.append(
            Reason(
                ReasonCode.CONSENT,
                f"Consent{status}: “{rule.text}”",
                rule_id=rule.id,
                source=rule.source,
            )
        )
    return reasons


# -- the response -----------------------------------------------------------------------


def _urgency(level: int | None, red_flag: bool) -> Urgency:
    if red_flag:
        return Urgency.IMMEDIATE
    return Urgency.SAME_DAY if level == 4 else Urgency.ROUTINE


def _contacts(pack: Pack, level: int | None, red_flag: bool) -> tuple[Contact, ...]:
    ids: list[str] = list(pack.level(level).response.contacts) if level else []
    if red_flag:  # the front door of level 4, and whoever answers out of hours
        ids = list(pack.level(4).response.contacts) + ids
        ids += [c.id for c in pack.contacts if c.out_of_hours]
    contacts = [pack.contact(i) for i in dict.fromkeys(ids)]
    if not any(c.emergency for c in contacts):
        document_999 = [c for c in pack.contacts if c.emergency]
        contacts = (document_999[:1] or [EMERGENCY]) + contacts
    return tuple(sorted(contacts, key=lambda c: (not c.emergency, c.out_of_hours)))


def _immediate_action(contacts: tuple[Contact, ...]) -> tuple[str, ...]:
    lines = [IMMEDIATE_DANGER]
    for contact in contacts:
        if contact.emergency:
            continue
        how = contact.first_reach
        hours = f" ({contact.hours})" if contact.hours else ""
        prefix = "Out of hours: " if contact.out_of_hours else "Then: "
        lines.append(f"{prefix}{contact.name}, {how}{hours}.")
    return tuple(lines)


def _deadlines(pack: Pack, level: int | None, start: datetime | None) -> tuple[Deadline, ...]:
    if not level:
        return ()
    result = []
    for timescale_id in pack.level(level).response.timescales:
        ts = pack.timescale(timescale_id)
        due = add_duration(start, ts.amount, ts.unit) if start else None
        latest = add_duration(start, ts.amount_max, ts.unit) if start and ts.amount_max else None
        result.append(Deadline(ts, due, latest))
    return tuple(result)


# -- helpers ----------------------------------------------------------------------------


def _int_param(rule: Rule, name: str, default: int) -> int:
    value = rule.params.get(name, default)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _match_key(match: MatchedIndicator) -> tuple[Any, ...]:
    return (not match.red_flag, -match.indicator.level, match.indicator.id)


def _group_by_domain(
    pack: Pack, matched: tuple[MatchedIndicator, ...]
) -> tuple[tuple[Domain, tuple[MatchedIndicator, ...]], ...]:
    return tuple(
        (domain, in_domain)
        for domain in pack.domains
        if (in_domain := tuple(m for m in matched if m.domain.id == domain.id))
    )
