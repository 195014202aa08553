"""Loading framework packs from disk, with errors that name the file, the path and the reason.

A pack is a folder holding `pack.yaml` (metadata, levels, domains, contacts, timescales, rules,
guidance), `indicators.yaml` (the indicator rows) and the source text the pack cites. Loading
validates the structure (pydantic), then the checks that need reference data or the source:
known CIN codes and tags, red-flag tags marked as red flags, and every cited passage present.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from righthelp import reference
from righthelp.framework.provenance import provenance_problems
from righthelp.framework.schema import Pack

PACK_FILE = "pack.yaml"
INDICATORS_FILE = "indicators.yaml"

try:  # libyaml is ten times faster; PyYAML's wheels ship it, source builds may not.
    _SafeLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _SafeLoader = yaml.SafeLoader


@dataclass(frozen=True)
class Problem:
    """One reason a pack is invalid: where it is and what is wrong."""

    file: str
    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path or '<root>'}: {self.reason}"


class PackError(Exception):
    """A pack failed to load; `problems` lists every reason found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def packs_root() -> Path:
    """The folder of the packs embedded in the package."""
    return Path(str(resources.files("righthelp").joinpath("packs")))


def pack_ids(root: Path | None = None) -> list[str]:
    root = root or packs_root()
    return sorted(p.name for p in root.iterdir() if (p / PACK_FILE).is_file())


def load_pack(pack: str | Path, check_provenance: bool = True) -> Pack:
    """Load and validate one pack, by embedded id or by folder path.

    `check_provenance` also checks every quote against the source text; it is on for any
    pack given by path (a new or edited pack) and for `frameworks validate`.
    """
    folder = Path(pack) if isinstance(pack, Path) or "/" in str(pack) else packs_root() / pack
    if folder.is_file():
        folder = folder.parent
    return _load_folder(folder.resolve(), check_provenance)


@cache
def _cached_embedded(pack_id: str) -> Pack:
    # The embedded packs' quotes are checked against their sources by the test suite on
    # every CI run (tests/test_provenance.py): the product does not repeat it at start-up.
    return _load_folder(packs_root() / pack_id, check_provenance=False)


def get_pack(pack_id: str) -> Pack:
    """An embedded pack, loaded once per process (packs are immutable)."""
    if pack_id not in pack_ids():
        known = ", ".join(pack_ids())
        raise KeyError(f"unknown framework {pack_id!r}; known: {known}")
    return _cached_embedded(pack_id)


def load_all_packs() -> dict[str, Pack]:
    return {pack_id: get_pack(pack_id) for pack_id in pack_ids()}


# -- internals ---------------------------------------------------------------------------


def _load_folder(folder: Path, check_provenance: bool = True) -> Pack:
    pack_path = folder / PACK_FILE
    if not pack_path.is_file():
        raise PackError([Problem(str(pack_path), "", "no pack.yaml in this folder")])
    raw = _read_yaml(pack_path)
    indicators_path = folder / INDICATORS_FILE
    if indicators_path.is_file():
        raw_indicators = _read_yaml(indicators_path)
        if set(raw_indicators) != {"indicators"}:
            raise PackError([Problem(str(indicators_path), "", "must hold one key, 'indicators'")])
        if "indicators" in raw:
            raise PackError(
                [Problem(str(pack_path), "indicators", f"indicators belong in {INDICATORS_FILE}")]
            )
        raw["indicators"] = raw_indicators["indicators"]
    try:
        pack = Pack.model_validate(raw)
    except ValidationError as exc:
        raise PackError(_validation_problems(exc, pack_path, indicators_path)) from None
    problems = list(_reference_problems(pack, pack_path, indicators_path))
    source_path = folder / pack.metadata.source_file
    if not source_path.is_file():
        problems.append(Problem(str(pack_path), "metadata.source_file", "source file not found"))
    elif check_provenance:
        lines = _source_lines(source_path)
        for path, reason in provenance_problems(pack, lines):
            file = indicators_path if path.startswith("indicators") else pack_path
            problems.append(Problem(str(file), path, reason))
    if problems:
        raise PackError(problems)
    return pack


def _cache_dir() -> Path | None:
    """Where parsed YAML is kept (like .pyc files): RIGHTHELP_CACHE_DIR, else the user's
    cache folder; "off" disables it."""
    configured = os.environ.get("RIGHTHELP_CACHE_DIR")
    if configured == "off":
        return None
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "righthelp" / "yaml"


def _cached_parse(raw: bytes) -> Any | None:
    folder = _cache_dir()
    if folder is None:
        return None
    try:
        return json.loads((folder / f"{hashlib.sha256(raw).hexdigest()}.json").read_bytes())
    except (OSError, ValueError):
        return None


def _store_parse(raw: bytes, data: Any) -> None:
    folder = _cache_dir()
    if folder is None:
        return
    try:  # a cache that cannot be written only costs time
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{hashlib.sha256(raw).hexdigest()}.json"
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data), "utf-8")
        temporary.replace(target)  # atomic: a reader never sees half a file
    except (OSError, TypeError, ValueError):
        return


def _read_yaml(path: Path) -> dict[str, Any]:
    """Parse a pack file. Parsed results are cached by content hash: an edit is a new key."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackError([Problem(str(path), "", f"cannot read: {exc}")]) from None
    data = _cached_parse(raw)
    if data is None:
        data = _parse_yaml(path, raw)
        _store_parse(raw, data)
    if not isinstance(data, dict):
        raise PackError([Problem(str(path), "", "the top level must be a mapping")])
    return data


def _parse_yaml(path: Path, raw: bytes) -> Any:
    try:
        return yaml.load(
            raw.decode("utf-8"), Loader=_SafeLoader
        )  # a safe loader: no arbitrary objects
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise PackError([Problem(str(path), "", f"YAML syntax: {exc.problem}", line)]) from None
    except UnicodeDecodeError as exc:
        raise PackError([Problem(str(path), "", f"not UTF-8 text: {exc}")]) from None


@cache
def _source_lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines()


def _format_loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _validation_problems(
    exc: ValidationError, pack_path: Path, indicators_path: Path
) -> Iterator[Problem]:
    for error in exc.errors():
        loc = tuple(error["loc"])
        file = indicators_path if loc[:1] == ("indicators",) else pack_path
        # indicators.yaml also has `indicators` as its top key, so the same path locates it.
        yield Problem(str(file), _format_loc(loc), error["msg"], _line_of(file, loc))


def _line_of(path: Path, loc: tuple[int | str, ...]) -> int | None:
    """Best-effort line of a path in a YAML file, for error messages only."""
    try:
        node: yaml.Node | None = yaml.compose(path.read_text("utf-8"), Loader=_SafeLoader)
    except yaml.YAMLError:
        return None
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _reference_problems(pack: Pack, pack_path: Path, indicators_path: Path) -> Iterator[Problem]:
    codes = reference.cin_codes()
    vocabulary = reference.tags()
    red_flag_tags = reference.red_flag_tags()
    for n, ind in enumerate(pack.indicators):
        where = f"indicators[{n}]"
        for code in ind.cin_codes:
            if code not in codes:
                yield Problem(str(indicators_path), f"{where}.cin_codes", f"unknown code {code!r}")
        for tag in ind.tags:
            if tag not in vocabulary:
                yield Problem(str(indicators_path), f"{where}.tags", f"unknown tag {tag!r}")
        flagged = red_flag_tags.intersection(ind.tags)
        if flagged and not ind.red_flag:
            yield Problem(
                str(indicators_path),
                f"{where}.red_flag",
                f"{ind.id} carries significant-harm tag(s) {sorted(flagged)} so must be a red flag",
            )
