"""Loading the concept lexicon (lexicon.yaml) into compiled patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from righthelp import reference


@dataclass(frozen=True)
class Topic:
    id: str
    patterns: tuple[re.Pattern[str], ...]
    tag: str | None = None
    child: str | None = None
    parent: str | None = None
    also: tuple[str, ...] = ()
    red_flag: bool = False
    positive: bool = False
    requires_in_sentence: tuple[re.Pattern[str], ...] = ()
    hint: str = ""  # the documents' words for the topic, added to the matching query
    requires_after: bool = False  # the required words must follow the mention
    neutral: tuple[re.Pattern[str], ...] = ()  # plain-noun words that need a concern word
    present_only: bool = False  # a red flag only when said of now ("a strategy discussion")
    # graded by the words' severity ("some", "severe"); a category such as private fostering
    # or a previous plan sits at the level the pack gives it, however it is said
    graded: bool = True
    # the required words are met too when the narrative is about a baby or toddler (a carer
    # too intoxicated to respond, in a health visitor's note about a 19-month-old)
    or_young_child: bool = False


def _compile(pattern: str) -> re.Pattern[str]:
    # Whole words only: "thin" must not match "think".
    return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])", re.IGNORECASE)


@cache
def _data() -> dict[str, Any]:
    path = resources.files(__package__).joinpath("lexicon.yaml")
    data: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return data


@cache
def _document_words() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((_compile(k), v) for k, v in _data().get("document_words", {}).items())


def document_words(text: str) -> str:
    """The documents' words for the practitioner's words in `text` ("can't" -> "unable"),
    to add to a query: the packs say "unable to provide adequate care", referrers say "she
    can't look after them"."""
    return " ".join(words for pattern, words in _document_words() if pattern.search(text))


@cache
def topics() -> tuple[Topic, ...]:
    data = _data()
    known = reference.tags()
    result = []
    for entry in data["topics"]:
        topic = Topic(
            id=entry["id"],
            patterns=tuple(_compile(p) for p in entry["patterns"]),
            tag=entry.get("tag"),
            child=entry.get("child"),
            parent=entry.get("parent"),
            also=tuple(entry.get("also", ())),
            red_flag=entry.get("red_flag", False),
            positive=entry.get("positive", False),
            requires_in_sentence=tuple(_compile(p) for p in entry.get("requires_in_sentence", ())),
            hint=entry.get("hint", ""),
            requires_after=entry.get("requires_after", False),
            neutral=tuple(_compile(p) for p in entry.get("neutral", ())),
            present_only=entry.get("present_only", False),
            graded=entry.get("graded", True),
            or_young_child=entry.get("or_young_child", False),
        )
        for tag in (topic.tag, topic.child, topic.parent, *topic.also):
            if tag is not None and tag not in known:
                raise ValueError(f"lexicon topic {topic.id}: unknown tag {tag!r}")
        result.append(topic)
    return tuple(result)
