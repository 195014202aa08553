"""Plain-text rendering of packs and decisions for the terminal."""

from __future__ import annotations

import textwrap
from typing import Any

from righthelp.engine.decision import Decision, Urgency
from righthelp.framework.red_flags import RedFlagGroup
from righthelp.framework.schema import Contact, Pack
from righthelp.narrative import Analysis

WIDTH = 96


def wrap(text: str, indent: str = "") -> str:
    hanging = indent + "  " if indent else ""
    return textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=hanging)


def contact_line(contact: Contact) -> str:
    hours = f" ({contact.hours})" if contact.hours else ""
    return f"{contact.name}: {contact.reach}{hours} - {contact.purpose}"


def render_decision(decision: Decision, pack: Pack) -> str:
    out: list[str] = []
    if decision.immediate_action:
        out.append("!" * WIDTH)
        out += [f"!! {line}" for line in decision.immediate_action]
        out.append("!" * WIDTH)
    out.append(
        f"{pack.metadata.partnership}: {pack.metadata.title} ({pack.id} {pack.metadata.version})"
    )
    if decision.level is None:
        out.append("Indicated level: none (see reasons)")
    else:
        out.append(f"Indicated level: Level {decision.level} - {decision.level_name}")
    out.append(f"Urgency: {_urgency(decision.urgency)}")
    if decision.grouped:
        out.append("\nEvidence (by domain):")
        for domain, matches in decision.by_domain():
            out.append(f"  {domain.name}")
            for m in matches:
                flag = " [RED FLAG]" if m.red_flag else ""
                out.append(
                    wrap(
                        f"- L{m.indicator.level} {m.indicator.id}{flag}: "
                        f"“{m.indicator.text}” ({m.indicator.source.label})",
                        "    ",
                    )
                )
    out.append("\nReasons:")
    for reason in decision.reasons:
        where = f" [{reason.source.label}]" if reason.source else ""
        out.append(wrap(f"- {reason.text}{where}", "  "))
    if decision.warnings:
        out.append("\nCheck:")
        out += [wrap(f"- {w.text}", "  ") for w in decision.warnings]
    if decision.level:
        response = pack.level(decision.level).response
        out.append(f"\nResponse: {response.lead}; {response.assessment} ({response.agency.value})")
    if decision.next_steps:
        out.append("Next steps:")
        out += [wrap(f"- {s.text} [{s.source.label}]", "  ") for s in decision.next_steps]
    out.append("\nContacts:")
    out += [wrap(f"- {contact_line(c)}", "  ") for c in decision.contacts]
    if decision.deadlines:
        out.append("\nDeadlines:")
        out += [wrap(f"- {d.describe()}", "  ") for d in decision.deadlines]
    out.append("\n" + wrap(decision.caveat))
    return "\n".join(out)


def _urgency(urgency: Urgency) -> str:
    return {
        Urgency.IMMEDIATE: "IMMEDIATE - act now",
        Urgency.SAME_DAY: "same day",
        Urgency.ROUTINE: "routine",
    }[urgency]


def render_pack(pack: Pack) -> str:
    meta = pack.metadata
    out = [
        f"{meta.title}",
        f"{meta.partnership} ({meta.area}), {meta.issued}",
        f"pack {meta.id} {meta.version}, source {meta.source_file}",
        "",
    ]
    for level in pack.levels:
        r = level.response
        out.append(f"Level {level.number}: {level.name}")
        out.append(wrap(level.description, "  "))
        out.append(wrap(f"Response: {r.lead}; {r.assessment} ({r.agency.value})", "  "))
        count = sum(1 for i in pack.indicators if i.level == level.number)
        out.append(f"  Indicators: {count}")
    if pack.domains:
        out.append("\nDomains:")
        out += [f"  {d.id}: {d.name} ({d.group.value})" for d in pack.domains]
    if pack.contacts:
        out.append("\nContacts:")
        out += [wrap(f"- {contact_line(c)}", "  ") for c in pack.contacts]
    if pack.timescales:
        out.append("\nTimescales:")
        out += [
            wrap(f"- {t.label}: {t.label_duration} of {t.starts_from}", "  ")
            for t in pack.timescales
        ]
    if pack.rules:
        out.append("\nRules:")
        out += [wrap(f"- [{r.kind.value}] {r.text}", "  ") for r in pack.rules]
    if pack.guidance:
        out.append("\nGuidance:")
        out += [f"  {g.title} ({len(g.items)} items)" for g in pack.guidance]
    return "\n".join(out)


def render_analysis(analysis: Analysis) -> str:
    out = [f"Narrative analysis ({analysis.method} matching)"]
    if analysis.safety_net:
        out.append(f"Safety net for significant harm in other words: {analysis.safety_net}")
    if analysis.age is not None:
        found = f" (from “{analysis.age_evidence.text}”)" if analysis.age_evidence else ""
        out.append(f"Child's age: {analysis.age}{found}")
    out += [wrap(f"! {w}", "") for w in analysis.warnings]
    if not analysis.suggestions:
        out.append("No indicators found in the text.")
    for s in analysis.suggestions:
        mark = "+" if s.proposed else "-"
        flags = [
            n
            for n, on in (
                ("negated", s.negated),
                ("about someone else", s.other_person),
                ("in the past", s.historical),
                ("uncertain", s.uncertain),
                ("going well, beside needs", s.beside_needs),
                (f"met: the note ends “{s.resolved_by and s.resolved_by.text}”", s.resolved_by),
            )
            if on
        ]
        note = f" [{', '.join(flags)}]" if flags else ""
        words = "; ".join(f"“{e.text}” @{e.start}" for e in s.evidence)
        out.append(
            wrap(
                f"{mark} {s.indicator.id} (L{s.indicator.level}){note}: "
                f"“{s.indicator.text}” <- {words}",
                "  ",
            )
        )
        if s.reason:
            out.append(wrap(f"  why: {s.reason}", "    "))
    out.append("(+ taken as present and assessed below; - shown for you to check)")
    return "\n".join(out) + "\n"


def render_red_flag_check(groups: tuple[RedFlagGroup, ...]) -> str:
    """Significant-harm concepts the text did not evidence: the practitioner rules them out."""
    if not groups:
        return ""
    out = [
        "Check for significant harm the words may not say plainly. If any applies, tick its",
        "indicator (righthelp assess ... -i ID) and refer now:",
    ]
    for group in groups:
        ids = ", ".join(i.id for i in group.indicators[:3])
        more = " ..." if len(group.indicators) > 3 else ""
        out.append(wrap(f"[ ] {group.question} ({ids}{more})", "  "))
    return "\n".join(out) + "\n"


def render_evaluation(data: dict[str, Any]) -> str:
    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value * 100:.1f}%"

    out = [
        f"framework {data['framework']}  method {data['method']}  cases {data['cases']}",
        f"level accuracy (exact)     {pct(data['level_accuracy'])}",
        f"level accuracy (within 1)  {pct(data['within_one_accuracy'])}",
        f"under-triage               {data['under_triage']} "
        f"(of which true Level 4: {data['under_triage_level_4']})",
        f"over-triage                {data['over_triage']}",
        f"red-flag recall            {pct(data['red_flag_recall'])} "
        f"({data['red_flag_cases']} cases with a red flag)",
        f"indicator precision        {pct(data['indicator_precision'])}",
        f"indicator recall           {pct(data['indicator_recall'])}",
        "latency ms                 p50 {p50}  p95 {p95}  max {max}".format(**data["latency_ms"]),
        "confusion (rows: true L1-L4; columns: predicted L1-L4)",
    ]
    matrix = data["confusion_matrix"]["rows_true_level_1_to_4_columns_predicted_1_to_4"]
    out += [f"  L{n + 1}  " + " ".join(f"{v:4d}" for v in row) for n, row in enumerate(matrix)]
    for line in data["skipped_lines"]:
        out.append(f"skipped line {line['line']}: {line['reason']}")
    return "\n".join(out)
