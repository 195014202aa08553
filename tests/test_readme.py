"""The README's tour works: every `righthelp` command in it runs and exits 0."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from righthelp.cli.main import cli

README = Path(__file__).resolve().parent.parent / "README.md"


def _tour_commands() -> list[tuple[list[str], str | None]]:
    text = README.read_text("utf-8")
    block = text.split("## A short tour", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    joined = re.sub(r"\\\n\s*", " ", block)
    commands = []
    for line in joined.splitlines():
        line = line.split("  #", 1)[0].strip()
        if "righthelp" not in line:
            continue
        stdin = None
        if line.startswith("echo "):
            echoed, line = line.split("|", 1)
            stdin = shlex.split(echoed)[1]
        args = shlex.split(line.strip())
        commands.append((args[args.index(".venv/bin/righthelp") + 1 :], stdin))
    return commands


@pytest.mark.parametrize(("args", "stdin"), _tour_commands(), ids=lambda a: str(a)[:40])
def test_tour_command_runs(args, stdin):
    if args[0] == "evaluate" and not Path(args[1]).exists():
        pytest.skip("evaluation file not written yet")
    result = CliRunner().invoke(cli, args, input=stdin)
    assert result.exit_code == 0, result.output
