"""Bad packs fail with the file, the path within it and the reason; good packs load."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from righthelp.framework.loader import PackError, load_pack


def _edit(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [str(p) for p in caught.value.problems]


def test_mini_pack_loads(mini_pack):
    assert mini_pack.id == "mini-2020"
    assert [level.name for level in mini_pack.levels] == [
        "Universal",
        "Additional",
        "Complex",
        "Significant",
    ]
    assert len(mini_pack.indicators) == 16


def test_wrong_type_names_file_path_line_and_reason(mini_copy):
    _edit(mini_copy / "indicators.yaml", lambda d: d["indicators"][2].update(level="three"))
    [problem] = _problems(mini_copy)
    assert "indicators.yaml:" in problem
    assert "indicators[2].level" in problem
    assert "valid integer" in problem


def test_unknown_key_is_an_error_not_ignored(mini_copy):
    _edit(mini_copy / "pack.yaml", lambda d: d["metadata"].update(partnrship="typo"))
    [problem] = _problems(mini_copy)
    assert "pack.yaml" in problem and "metadata.partnrship" in problem
    assert "Extra inputs are not permitted" in problem


def test_yaml_syntax_error_gives_line(mini_copy):
    path = mini_copy / "pack.yaml"
    path.write_text(path.read_text("utf-8") + "\n  broken: [unclosed\n", "utf-8")
    [problem] = _problems(mini_copy)
    assert "YAML syntax" in problem
    assert "pack.yaml:" in problem


def test_unknown_domain_reference(mini_copy):
    _edit(mini_copy / "indicators.yaml", lambda d: d["indicators"][0].update(domain="nowhere"))
    [problem] = _problems(mini_copy)
    assert "unknown domain 'nowhere'" in problem


def test_missing_level_is_reported(mini_copy):
    _edit(mini_copy / "pack.yaml", lambda d: d["levels"].pop())
    [problem] = _problems(mini_copy)
    assert "levels 1-4" in problem


def test_quote_not_in_source_is_reported_with_its_lines(mini_copy):
    _edit(
        mini_copy / "indicators.yaml",
        lambda d: d["indicators"][1].update(text="Is sometimes late for school"),
    )
    [problem] = _problems(mini_copy)
    assert "indicators[1].text" in problem
    assert "not found at line 12" in problem


def test_red_flag_tag_requires_red_flag(mini_copy):
    _edit(mini_copy / "indicators.yaml", lambda d: d["indicators"][7].update(red_flag=False))
    [problem] = _problems(mini_copy)
    assert "indicators[7].red_flag" in problem
    assert "must be a red flag" in problem


def test_unknown_cin_code_and_tag(mini_copy):
    def change(d):  # type: ignore[no-untyped-def]
        d["indicators"][0]["cin_codes"] = ["8A"]  # 8A is not a census code
        d["indicators"][0]["tags"] = ["not-a-tag"]

    _edit(mini_copy / "indicators.yaml", change)
    problems = _problems(mini_copy)
    assert any("unknown code '8A'" in p for p in problems)
    assert any("unknown tag 'not-a-tag'" in p for p in problems)


def test_line_range_beyond_source(mini_copy):
    _edit(mini_copy / "pack.yaml", lambda d: d["contacts"][0].update(source={"lines": [900, 901]}))
    problems = _problems(mini_copy)
    assert any("contacts[0].source" in p and "beyond the end" in p for p in problems)


def test_wrong_phone_number_is_caught(mini_copy):
    _edit(mini_copy / "pack.yaml", lambda d: d["contacts"][0].update(phone="01234 567891"))
    [problem] = _problems(mini_copy)
    assert "contacts[0].phone" in problem


def test_every_problem_is_reported_at_once(mini_copy):
    def change(d):  # type: ignore[no-untyped-def]
        d["indicators"][0]["text"] = "Invented wording one"
        d["indicators"][1]["text"] = "Invented wording two"

    _edit(mini_copy / "indicators.yaml", change)
    assert len(_problems(mini_copy)) == 2


def test_folder_without_pack(tmp_path):
    [problem] = _problems(tmp_path)
    assert "no pack.yaml" in problem


def test_parse_cache_never_hides_an_edit(mini_copy):
    load_pack(mini_copy)  # parsed and cached
    _edit(mini_copy / "indicators.yaml", lambda d: d["indicators"][0].update(level=9))
    assert any("indicators[0].level" in p for p in _problems(mini_copy))


def test_an_unwritable_cache_only_costs_time(mini_copy, monkeypatch, tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("RIGHTHELP_CACHE_DIR", str(blocked / "cache"))
    assert load_pack(mini_copy).id == "mini-2020"
    monkeypatch.setenv("RIGHTHELP_CACHE_DIR", "off")
    assert load_pack(mini_copy).id == "mini-2020"


def test_a_period_cannot_be_a_levels_deadline(mini_copy):
    def change(d):  # type: ignore[no-untyped-def]
        d["timescales"][0]["kind"] = "period"

    _edit(mini_copy / "pack.yaml", change)
    [problem] = _problems(mini_copy)
    assert "'marf-after-call' is a period, not a deadline" in problem


def test_timescale_kinds_read_as_they_should(mini_pack):
    from righthelp.framework.schema import Timescale

    base = mini_pack.timescales[0].model_dump()
    assert Timescale(**base).label_duration == "within 48 hours"
    assert Timescale(**{**base, "kind": "review", "amount_max": 60}).label_duration == (
        "every 48-60 hours"
    )
    assert Timescale(**{**base, "kind": "period"}).label_duration == "48 hours"


def test_a_misspelt_rule_parameter_is_an_error_not_ignored(mini_copy):
    def misspell(data):  # type: ignore[no-untyped-def]
        rule = next(r for r in data["rules"] if r["kind"] == "previous-child-protection-plan")
        rule["params"] = {"min_levle": 3}

    _edit(mini_copy / "pack.yaml", misspell)
    [problem] = _problems(mini_copy)
    assert "pack.yaml:" in problem and "rules[" in problem and "min_levle" in problem
