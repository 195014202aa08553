"""Narrative analysis: from a practitioner's own words to suggested indicators, with evidence."""

from righthelp.narrative.analyser import Analysis, Suggestion, analyse
from righthelp.narrative.segment import NarrativeInputError

__all__ = ["Analysis", "NarrativeInputError", "Suggestion", "analyse"]
