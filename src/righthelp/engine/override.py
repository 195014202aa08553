"""A practitioner's override of a suggested level, recorded with their rationale.

The software suggests; professional judgement decides. An override keeps the decision it
departs from, so the record shows both, and says plainly when it sets a level below what a
red flag requires.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from righthelp.engine.decision import Decision

MIN_RATIONALE = 10


@dataclass(frozen=True)
class Override:
    decision: Decision
    level: int
    rationale: str
    by_role: str
    at: datetime

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3, 4):
            raise ValueError(f"override level must be 1 to 4, got {self.level!r}")
        if len(self.rationale.strip()) < MIN_RATIONALE:
            raise ValueError(
                f"an override needs the practitioner's rationale (at least {MIN_RATIONALE} "
                "characters)"
            )

    @property
    def below_red_flag(self) -> bool:
        """The practitioner chose below Level 4 although a red flag is present."""
        return bool(self.decision.red_flags) and self.level < 4

    @property
    def direction(self) -> str:
        suggested = self.decision.level or 0
        if self.level == suggested:
            return "same"
        return "up" if self.level > suggested else "down"
