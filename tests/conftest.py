"""Shared fixtures: the synthetic mini pack, and every embedded pack."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from righthelp.framework.loader import load_pack
from righthelp.framework.schema import Pack

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini-2020"


@pytest.fixture(scope="session")
def mini_pack() -> Pack:
    return load_pack(MINI)


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini pack folder, to break in tests."""
    target = tmp_path / "mini-2020"
    shutil.copytree(MINI, target)
    return target
