"""What the journey's pages show, built from the pack and the session: no logic of levels
here (that is the engine's), only arranging things for people to read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from righthelp.engine.decision import Decision, Urgency
from righthelp.framework.schema import (
    GROUP_TITLES,
    AssessmentFrameworkGroup,
    Contact,
    Domain,
    GuidanceKind,
    Indicator,
    Pack,
)
from righthelp.framework.search import search_indicators
from righthelp.web.jinja import highlight
from righthelp.web.journey.forms import CONSENT_CHOICES
from righthelp.web.journey.state import Journey, Suggested

SEARCH_LIMIT = 50
CONTEXT_CHARS = 160  # around a piece of evidence, at most, before and after


def level_label(pack: Pack, number: int) -> str:
    name = pack.level(number).name
    return f"Level {number}" if name == f"Level {number}" else f"Level {number}: {name}"


@dataclass(frozen=True)
class DomainGroup:
    title: str
    domains: list[tuple[Domain, list[Indicator]]]


def grouped_indicators(pack: Pack) -> list[DomainGroup]:
    """Indicators by Assessment Framework group, then domain, in level order."""
    groups = []
    for group in AssessmentFrameworkGroup:
        domains = []
        for domain in pack.domains:
            if domain.group is not group:
                continue
            rows = sorted(
                (i for i in pack.indicators if i.domain == domain.id),
                key=lambda i: i.level,
            )
            if rows:
                domains.append((domain, rows))
        if domains:
            groups.append(DomainGroup(GROUP_TITLES[group], domains))
    return groups


def search(pack: Pack, query: str) -> list[Indicator]:
    return [hit.indicator for hit in search_indicators(pack, query, limit=SEARCH_LIMIT)]


def checkbox_item(pack: Pack, indicator: Indicator, checked: bool) -> dict[str, Any]:
    hint = level_label(pack, indicator.level)
    if indicator.red_flag:
        hint += " · Red flag: significant harm"
    if indicator.age:
        hint += f" · ages {indicator.age.label}"
    return {
        "value": indicator.id,
        "text": indicator.text,
        "id": f"ind-{indicator.id}",
        "checked": checked,
        "hint": {"text": hint},
    }


def evidence_snippets(text: str, spans: list[tuple[int, int]]) -> list[Markup]:
    """Each piece of evidence in its sentence, the evidencing words highlighted."""
    out: list[Markup] = []
    seen: set[tuple[int, int]] = set()
    for start, end in sorted(spans):
        left = max(
            (text.rfind(stop, max(0, start - CONTEXT_CHARS), start) for stop in ".!?\n"),
            default=-1,
        )
        left = left + 1 if left >= 0 else max(0, start - CONTEXT_CHARS)
        rights = [text.find(stop, end, end + CONTEXT_CHARS) for stop in ".!?\n"]
        right = min((r + 1 for r in rights if r >= 0), default=min(len(text), end + CONTEXT_CHARS))
        if (left, right) in seen:
            continue
        seen.add((left, right))
        inside = [(s - left, e - left) for s, e in spans if s >= left and e <= right]
        prefix = "…" if left > 0 and text[left - 1] not in ".!?\n" else ""
        suffix = "…" if right < len(text) and text[right - 1] not in ".!?\n" else ""
        body = highlight(text[left:right], inside)
        out.append(Markup(f"{escape(prefix)}{body}{escape(suffix)}".strip()))
    return out


def suggestion_rows(
    pack: Pack, journey: Journey, index: dict[str, Indicator]
) -> list[dict[str, Any]]:
    rows = []
    confirmed = set(journey.confirmed)
    for s in journey.suggestions:
        if s.id in journey.ticked or s.id not in index:
            continue
        rows.append(_suggestion_row(pack, journey, s, index[s.id], s.id in confirmed))
    return rows


def _suggestion_row(
    pack: Pack, journey: Journey, s: Suggested, indicator: Indicator, checked: bool
) -> dict[str, Any]:
    notes = []
    if s.reason_unticked:
        notes.append(s.reason_unticked)
    elif s.uncertain:
        notes.append("Check: your description is not certain about this.")
    if s.reason:
        notes.append(s.reason)
    if s.historical and s.proposed:
        notes.append("Ticked although in the past: significant harm told now still counts.")
    return {
        "indicator": indicator,
        "level": level_label(pack, indicator.level),
        "checked": checked,
        "evidence": evidence_snippets(journey.text, s.evidence),
        "notes": notes,
        "proposed": s.proposed,
    }


def consent_label(value: str | None) -> str:
    return dict(CONSENT_CHOICES).get(value or "unknown", "I do not know")


URGENCY_TEXT = {
    Urgency.IMMEDIATE: "Act now",
    Urgency.SAME_DAY: "Act today",
    Urgency.ROUTINE: "Routine",
}
URGENCY_TAG = {
    Urgency.IMMEDIATE: "govuk-tag--red",
    Urgency.SAME_DAY: "govuk-tag--orange",
    Urgency.ROUTINE: "govuk-tag--grey",
}


def judgement_questions(pack: Pack) -> list[Any]:
    return [g for g in pack.guidance if g.kind is GuidanceKind.JUDGEMENT_QUESTIONS]


def front_door(decision: Decision) -> tuple[list[Contact], list[Contact]]:
    """The contacts of the red banner, after 999: the front door(s), then out of hours."""
    others = [c for c in decision.contacts if not c.emergency]
    return [c for c in others if not c.out_of_hours], [c for c in others if c.out_of_hours]


def how_to_reach(contact: Contact) -> str:
    return contact.first_reach


def tel_href(phone: str) -> str:
    return "tel:" + "".join(ch for ch in phone if ch.isdigit() or ch == "+")


def indicator_sections(pack: Pack, ticked: set[str], query: str) -> dict[str, Any]:
    """What the indicator lists show: search results, or every domain, as checkbox items."""
    if query:
        found = search(pack, query)
        shown = {i.id for i in found}
        results: list[dict[str, Any]] | None = [
            checkbox_item(pack, i, i.id in ticked) for i in found
        ]
        groups = None
    else:
        shown = {i.id for i in pack.indicators}
        results = None
        groups = [
            {
                "title": group.title,
                "domains": [
                    {
                        "domain": domain,
                        "items": [checkbox_item(pack, i, i.id in ticked) for i in rows],
                        "ticked": sum(1 for i in rows if i.id in ticked),
                    }
                    for domain, rows in group.domains
                ],
            }
            for group in grouped_indicators(pack)
        ]
    return {
        "query": query,
        "results": results,
        "groups": groups,
        "hidden_ticked": sorted(ticked - shown),
        "ticked_count": len(ticked),
    }
