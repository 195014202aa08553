"""Shared fixtures: the synthetic mini pack, and every embedded pack."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from righthelp.framework.loader import load_pack
from righthelp.framework.schema import Pack

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _parse_cache_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never write to the user's cache folder."""
    import os

    os.environ["RIGHTHELP_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


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
