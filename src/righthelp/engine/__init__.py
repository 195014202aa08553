"""The decision engine: observed indicators in, an explained, immutable decision out."""

from righthelp.engine.decision import (
    AssessmentInputError,
    Consent,
    Context,
    Decision,
    Reason,
    ReasonCode,
    Urgency,
    assess,
)

__all__ = [
    "AssessmentInputError",
    "Consent",
    "Context",
    "Decision",
    "Reason",
    "ReasonCode",
    "Urgency",
    "assess",
]
