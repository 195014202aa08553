"""The command line: output for people, JSON for machines, exit codes for scripts."""

from __future__ import annotations

import json

import yaml
from click.testing import CliRunner

from righthelp.cli.main import cli
from tests.conftest import MINI
from tests.helpers import CLOSED_NOTE


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def test_assess_text_shows_a_need_the_note_closes_as_met_and_unticked():
    result = CliRunner().invoke(cli, ["assess", "luton-2017", "--text", "-"], input=CLOSED_NOTE)
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())  # long lines are wrapped
    assert "(L2) [met: the note ends “universal HV pathway.”]" in output
    assert "+ l2-" not in output and "Indicated level: Level 1" in output


def test_help_lists_the_commands():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("frameworks", "indicators", "assess"):
        assert command in result.output


def test_frameworks_list_names_every_pack():
    result = run("frameworks", "list")
    assert result.exit_code == 0
    assert "county-levels-of-need-2021" in result.output


def test_show_a_pack():
    result = run("frameworks", "show", str(MINI))
    assert result.exit_code == 0
    assert "Level 4: Significant" in result.output
    assert "01234 567890" in result.output


def test_validate_ok_and_invalid(mini_copy):
    assert run("frameworks", "validate", str(MINI)).exit_code == 0
    path = mini_copy / "indicators.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["indicators"][0]["level"] = 7
    path.write_text(yaml.safe_dump(data), "utf-8")
    result = run("frameworks", "validate", str(mini_copy))
    assert result.exit_code == 1
    assert "indicators.yaml" in result.output and "indicators[0].level" in result.output


def test_assess_human_readable_with_red_flag():
    result = run(
        "assess",
        str(MINI),
        "-i",
        "l1-health-diet,l4-health-unexplained-bruises",
        "--age",
        "9",
        "--start",
        "2026-11-23T09:30",
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "If a child is in immediate danger, call 999." in lines[1]
    assert "Indicated level: Level 4 - Significant" in result.output
    assert "due Wed 25 Nov 2026 09:30" in " ".join(result.output.split())


def test_assess_json():
    result = run("assess", str(MINI), "-i", "l2-learning-late", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["level"] == 2 and data["urgency"] == "routine"
    assert data["framework"] == "mini-2020"


def test_assess_bad_input_exits_2_naming_it():
    result = run("assess", str(MINI), "-i", "no-such-id", "--age", "40")
    assert result.exit_code == 2
    assert "no-such-id" in result.output and "invalid age 40" in result.output


def test_unknown_framework_exits_2():
    result = run("assess", "atlantis-2030", "-i", "x")
    assert result.exit_code == 2
    assert "unknown framework 'atlantis-2030'" in result.output


def test_search_finds_by_stem():
    result = run("indicators", "search", str(MINI), "substances misused")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("l2-health-substance")


def test_coverage_and_diff_commands(mini_copy):
    path = mini_copy / "indicators.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["indicators"] = data["indicators"][1:]
    path.write_text(yaml.safe_dump(data), "utf-8")
    result = run("frameworks", "diff", str(MINI), str(mini_copy))
    assert result.exit_code == 0
    assert "- l1-learning-good-attendance" in result.output
