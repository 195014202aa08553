"""Reference data shared by all packs: CIN census codes and the indicator tag vocabulary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class CinCode:
    code: str
    meaning: str
    valid_from: str | None = None
    valid_to: str | None = None


@dataclass(frozen=True)
class Tag:
    id: str
    description: str
    red_flag: bool = False


def _load(name: str) -> Any:
    return yaml.safe_load(resources.files(__package__).joinpath(name).read_text("utf-8"))


@cache
def cin_codes() -> dict[str, CinCode]:
    return {c["code"]: CinCode(**c) for c in _load("cin_assessment_factors.yaml")["codes"]}


@cache
def tags() -> dict[str, Tag]:
    return {t["id"]: Tag(**t) for t in _load("tags.yaml")["tags"]}


def red_flag_tags() -> frozenset[str]:
    return frozenset(t.id for t in tags().values() if t.red_flag)
