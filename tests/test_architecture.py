"""The domain core imports no web framework: data flows pack -> observations -> decision."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = ["framework", "engine", "narrative", "reference", "cli"]
SRC = Path(__file__).resolve().parent.parent / "src" / "righthelp"
FORBIDDEN = ("django", "ninja", "righthelp.web", "jinja2", "gunicorn", "whitenoise")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", CORE)
def test_core_package_imports_no_web_framework(package):
    for path in (SRC / package).rglob("*.py"):
        bad = {n for n in _imports(path) if n.split(".")[0] in FORBIDDEN or n.startswith(FORBIDDEN)}
        assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"


def test_framework_does_not_depend_on_engine_or_narrative():
    # one-way flow: the pack layer knows nothing of decisions or narratives
    for path in (SRC / "framework").rglob("*.py"):
        bad = {
            n for n in _imports(path) if n.startswith(("righthelp.engine", "righthelp.narrative"))
        }
        assert not bad, f"{path.relative_to(SRC)} imports {sorted(bad)}"
