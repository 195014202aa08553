"""A journey's answers, kept in the server-side session (30 minutes) and nowhere else.

The session holds plain JSON: the partnership, the child's age and situation, the
practitioner's description, the indicators they ticked, the suggestions found in the
description and which of those they kept. "Start again" deletes it.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.http import HttpRequest

from righthelp.engine import Consent, Context
from righthelp.framework.schema import Pack
from righthelp.narrative import analyse

SESSION_KEY = "journey"

# steps completed
ABOUT = 1
CONCERN = 2
ANSWERS = 3


@dataclass
class Suggested:
    """One indicator the description evidences, as the session keeps it."""

    id: str
    proposed: bool
    evidence: list[tuple[int, int]]
    negated: bool = False
    historical: bool = False
    other_person: bool = False
    uncertain: bool = False
    reason: str = ""  # why a suggestion no phrase explains was made (the learned model)
    resolved_by: str = ""  # the closing words of the description that met this need
    beside_needs: bool = False  # going well, in a description that names needs

    @property
    def reason_unticked(self) -> str | None:
        if self.proposed:
            return None
        if self.negated:
            return "Not ticked: your description says this did not happen."
        if self.other_person:
            return "Not ticked: this seems to be about someone other than the child."
        if self.historical:
            return "Not ticked: this seems to be in the past."
        if self.beside_needs:
            return (
                "Not ticked: this is going well (Level 1), and your description also names "
                "needs. Tick it to record it."
            )
        if self.resolved_by:
            return (
                f"Not ticked: your description ends “{self.resolved_by}”, so this need seems "
                "met. Tick it if it still applies."
            )
        return "Not ticked: check whether it applies."


@dataclass
class Journey:
    pack_id: str | None = None
    age: int | None = None
    early_help_not_improving: bool = False
    previous_cp_plan: bool = False
    consent: str | None = None
    text: str = ""
    ticked: list[str] = field(default_factory=list)
    suggestions: list[Suggested] = field(default_factory=list)
    analysed_for: str | None = None  # a digest of (pack, age, text) the suggestions are for
    age_from_text: int | None = None
    age_evidence: tuple[int, int] | None = None
    analysis_warnings: list[str] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)  # suggestions kept though not proposed
    rejected: list[str] = field(default_factory=list)  # proposed suggestions unticked
    step: int = 0
    assessed_at: str | None = None

    # -- persistence --------------------------------------------------------------------

    @classmethod
    def load(cls, request: HttpRequest) -> Journey:
        data = request.session.get(SESSION_KEY)
        if not isinstance(data, dict):
            return cls()
        try:
            data = dict(data)
            data["suggestions"] = [
                Suggested(**{**s, "evidence": [tuple(e) for e in s["evidence"]]})
                for s in data.get("suggestions", [])
            ]
            if data.get("age_evidence") is not None:
                data["age_evidence"] = tuple(data["age_evidence"])
            return cls(**data)
        except (TypeError, KeyError):  # an old or damaged session: start afresh
            return cls()

    def save(self, request: HttpRequest) -> None:
        request.session[SESSION_KEY] = asdict(self)

    @staticmethod
    def clear(request: HttpRequest) -> None:
        request.session.flush()

    # -- derived --------------------------------------------------------------------------

    @property
    def effective_age(self) -> int | None:
        return self.age if self.age is not None else self.age_from_text

    @property
    def context(self) -> Context:
        return Context(
            early_help_not_improving=self.early_help_not_improving,
            previous_cp_plan=self.previous_cp_plan,
            consent=Consent(self.consent or Consent.UNKNOWN.value),
        )

    @property
    def suggestion_ids(self) -> list[str]:
        """Suggestions to confirm: those not already ticked by hand."""
        return [s.id for s in self.suggestions if s.id not in self.ticked]

    @property
    def confirmed(self) -> list[str]:
        return [
            s.id
            for s in self.suggestions
            if s.id not in self.ticked
            and ((s.proposed and s.id not in self.rejected) or s.id in self.accepted)
        ]

    @property
    def indicator_ids(self) -> list[str]:
        return list(dict.fromkeys(self.ticked + self.confirmed))

    def confirm(self, kept: list[str]) -> None:
        """Record which suggestions the practitioner kept."""
        shown = [s for s in self.suggestions if s.id not in self.ticked]
        self.accepted = [s.id for s in shown if not s.proposed and s.id in kept]
        self.rejected = [s.id for s in shown if s.proposed and s.id not in kept]

    def change_pack(self, pack_id: str) -> None:
        if pack_id != self.pack_id:
            self.pack_id = pack_id
            self.ticked, self.suggestions, self.accepted, self.rejected = [], [], [], []
            self.analysed_for = None
            self.age_from_text, self.age_evidence = None, None
            self.step = min(self.step, ABOUT)

    def refresh_analysis(self, pack: Pack) -> None:
        """Analyse the description again if the pack, the age or the text changed.

        Raises NarrativeInputError for text that cannot be analysed.
        """
        if not self.text:
            self.suggestions, self.analysed_for, self.analysis_warnings = [], None, []
            self.age_from_text, self.age_evidence = None, None
            return
        key = hashlib.sha256(f"{pack.id}\0{self.age}\0{self.text}".encode()).hexdigest()
        if key == self.analysed_for:
            return
        analysis = analyse(pack, self.text, age=self.age)
        self.suggestions = [
            Suggested(
                id=s.indicator.id,
                proposed=s.proposed,
                evidence=[(e.start, e.end) for e in s.evidence],
                negated=s.negated,
                historical=s.historical,
                other_person=s.other_person,
                uncertain=s.uncertain,
                reason=s.reason,
                resolved_by=s.resolved_by.text if s.resolved_by else "",
                beside_needs=s.beside_needs,
            )
            for s in analysis.suggestions
        ]
        self.analysed_for = key
        self.analysis_warnings = list(analysis.warnings)
        if self.age is None and analysis.age is not None:
            self.age_from_text = analysis.age
            ev = analysis.age_evidence
            self.age_evidence = (ev.start, ev.end) if ev else None
        else:
            self.age_from_text, self.age_evidence = None, None
        ids = {s.id for s in self.suggestions}
        self.accepted = [i for i in self.accepted if i in ids]
        self.rejected = [i for i in self.rejected if i in ids]

    def start_clock(self, now: datetime) -> None:
        self.assessed_at = now.replace(tzinfo=None, second=0, microsecond=0).isoformat()

    @property
    def clock(self) -> datetime | None:
        return datetime.fromisoformat(self.assessed_at) if self.assessed_at else None
