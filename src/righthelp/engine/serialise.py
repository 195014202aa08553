"""Plain JSON-ready dictionaries of decisions, for the CLI's --json and the API."""

from __future__ import annotations

from typing import Any

from righthelp.engine.decision import Decision, Reason
from righthelp.framework.schema import Contact, SourceRef


def decision_to_dict(decision: Decision) -> dict[str, Any]:
    return {
        "framework": decision.pack_id,
        "framework_version": decision.pack_version,
        "level": decision.level,
        "level_name": decision.level_name,
        "urgency": decision.urgency.value,
        "red_flags": list(decision.red_flags),
        "immediate_action": list(decision.immediate_action),
        "age": decision.age,
        "context": {
            "early_help_not_improving": decision.context.early_help_not_improving,
            "previous_cp_plan": decision.context.previous_cp_plan,
            "consent": decision.context.consent.value,
        },
        "indicators_by_domain": [
            {
                "domain": domain.id,
                "domain_name": domain.name,
                "group": domain.group.value,
                "indicators": [
                    {
                        "id": m.indicator.id,
                        "level": m.indicator.level,
                        "text": m.indicator.text,
                        "red_flag": m.red_flag,
                        "cin_codes": list(m.indicator.cin_codes),
                        "source": _source(m.indicator.source),
                    }
                    for m in matches
                ],
            }
            for domain, matches in decision.by_domain()
        ],
        "reasons": [_reason(r) for r in decision.reasons],
        "warnings": [_reason(r) for r in decision.warnings],
        "next_steps": [{"text": s.text, "source": _source(s.source)} for s in decision.next_steps],
        "contacts": [_contact(c) for c in decision.contacts],
        "deadlines": [
            {
                "id": d.timescale.id,
                "label": d.timescale.label,
                "duration": d.timescale.label_duration,
                "starts_from": d.timescale.starts_from,
                "due": d.due.isoformat() if d.due else None,
                "due_latest": d.due_latest.isoformat() if d.due_latest else None,
                "source": _source(d.timescale.source),
            }
            for d in decision.deadlines
        ],
        "caveat": decision.caveat,
    }


def _source(ref: SourceRef | None) -> dict[str, Any] | None:
    return {"lines": list(ref.lines)} if ref else None


def _reason(reason: Reason) -> dict[str, Any]:
    return {
        "code": reason.code.value,
        "text": reason.text,
        "indicators": list(reason.indicator_ids),
        "rule": reason.rule_id,
        "source": _source(reason.source),
    }


def _contact(contact: Contact) -> dict[str, Any]:
    fields = ("id", "name", "purpose", "phone", "hours", "email", "address", "url")
    data = {name: getattr(contact, name) for name in fields}
    data["emergency"] = contact.emergency
    data["out_of_hours"] = contact.out_of_hours
    return data
