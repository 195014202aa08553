"""`righthelp`: framework packs, indicator search and assessments from the command line.

Exit codes: 0 success; 1 an invalid pack or a failed check; 2 bad usage or bad input.
Nothing is written anywhere: every command reads packs and prints.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, NoReturn

import click

from righthelp.cli.render import (
    render_analysis,
    render_decision,
    render_evaluation,
    render_pack,
    render_red_flag_check,
)
from righthelp.engine import AssessmentInputError, Consent, Context, assess
from righthelp.engine.serialise import decision_to_dict
from righthelp.framework.compare import compare_concepts, diff_versions
from righthelp.framework.coverage import coverage
from righthelp.framework.loader import PackError, get_pack, load_pack, pack_ids, packs_root
from righthelp.framework.red_flags import unchecked
from righthelp.framework.schema import Pack
from righthelp.framework.search import search_indicators
from righthelp.narrative import NarrativeInputError, analyse
from righthelp.narrative.evaluation import evaluate, read_cases
from righthelp.narrative.scoring import METHODS, MethodUnavailable
from righthelp.narrative.serialise import analysis_to_dict

MAX_INPUT_BYTES = 1_048_576  # the analyser caps its own work well below this

method_option = click.option(
    "--method",
    type=click.Choice(METHODS),
    default="lexical",
    show_default=True,
    help="Narrative matching method (semantic and hybrid need the 'semantic' extra).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="righthelp")
def cli() -> None:
    """RightHelp: the right help at the right time, from each partnership's own threshold
    document (levels of need).

    Decision support only: professional judgement decides.
    """


# -- frameworks -------------------------------------------------------------------------


@cli.group()
def frameworks() -> None:
    """List, show, validate, measure and compare framework packs."""


@frameworks.command("list")
def list_command() -> None:
    """The embedded framework packs (an invalid one is reported, and the exit code is 1)."""
    failed = False
    for pack_id in pack_ids():
        try:
            pack = get_pack(pack_id)
        except PackError as exc:
            failed = True
            click.echo(
                f"INVALID {pack_id}: {len(exc.problems)} problem(s); run "
                f"'righthelp frameworks validate'",
                err=True,
            )
            continue
        levels = " / ".join(level.name for level in pack.levels)
        click.echo(
            f"{pack.id}\t{pack.metadata.version}\t{len(pack.indicators)} indicators\t"
            f"{pack.metadata.partnership}\t{levels}"
        )
    sys.exit(1 if failed else 0)


@frameworks.command("show")
@click.argument("pack_id")
@click.option("--json", "as_json", is_flag=True, help="The whole pack as JSON.")
def show(pack_id: str, as_json: bool) -> None:
    """A pack's levels, responses, domains, contacts, timescales, rules and guidance."""
    pack = _pack(pack_id)
    click.echo(pack.model_dump_json(indent=2) if as_json else render_pack(pack))


@frameworks.command("validate")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
def validate(path: Path | None) -> None:
    """Validate PATH (a pack folder), or every embedded pack when PATH is omitted.

    Prints each problem as FILE[:LINE]: PATH-IN-FILE: REASON and exits 1 if any.
    """
    folders = [path] if path else [packs_root() / pack_id for pack_id in pack_ids()]
    failed = False
    for folder in folders:
        try:
            pack = load_pack(folder)
        except PackError as exc:
            failed = True
            click.echo(f"INVALID {folder}", err=True)
            for problem in exc.problems:
                click.echo(f"  {problem}", err=True)
            continue
        click.echo(f"ok {pack.id} {pack.metadata.version}: {len(pack.indicators)} indicators")
    sys.exit(1 if failed else 0)


@frameworks.command("coverage")
@click.argument("pack_id")
def coverage_command(pack_id: str) -> None:
    """Indicators per level and domain, and source table lines no pack entry covers."""
    pack = _pack(pack_id)
    source = (packs_root() / pack.id / pack.metadata.source_file).read_text("utf-8")
    report = coverage(pack, source.splitlines())
    click.echo(f"{pack.metadata.title} ({pack.id})")
    click.echo(
        f"indicators: {len(pack.indicators)}  red flags: {report.red_flags}  "
        f"damaged transcriptions: {report.damaged}"
    )
    domains = {d.id: d for d in pack.domains}
    for level in pack.levels:
        rows = [(d, n) for (lv, d), n in report.by_level_and_domain.items() if lv == level.number]
        click.echo(f"Level {level.number} ({level.name}): {sum(n for _, n in rows)}")
        for domain_id, n in rows:
            click.echo(f"  {domains[domain_id].name}: {n}")
    if not pack.indicator_tables:
        click.echo("the source has no indicator tables")
    click.echo(f"uncovered indicator lines: {len(report.uncovered)} of {report.table_lines}")
    for item in report.uncovered:
        click.echo(f"  line {item.line}: {item.words}")


@frameworks.command("diff")
@click.argument("pack_a")
@click.argument("pack_b")
@click.option("--all", "show_all", is_flag=True, help="Also list concepts placed alike.")
def diff(pack_a: str, pack_b: str, show_all: bool) -> None:
    """Compare two packs (ids or folders).

    Two versions of one pack: indicators added, removed and changed, by id. Two
    partnerships: for each Children in Need code and tag, the levels at which each
    document places it.
    """
    a, b = _pack(pack_a), _pack(pack_b)
    if a.id == b.id:
        result = diff_versions(a, b)
        click.echo(f"{a.id}: {a.metadata.version} -> {b.metadata.version}")
        click.echo(
            f"added: {len(result.added)}  removed: {len(result.removed)}  "
            f"changed: {len(result.changed)}"
        )
        for indicator_id in result.added:
            click.echo(f"+ {indicator_id}")
        for indicator_id in result.removed:
            click.echo(f"- {indicator_id}")
        for indicator_id, fields in result.changed:
            click.echo(f"~ {indicator_id}: {', '.join(fields)}")
        return
    click.echo(f"{'concept':32} {a.id:>24} {b.id:>24}")
    click.echo(
        f"{'levels':32} {' / '.join(lv.name for lv in a.levels):>24.24} "
        f"{' / '.join(lv.name for lv in b.levels):>24.24}"
    )
    for row in compare_concepts(a, b):
        if row.differs or show_all:
            mark = "*" if row.differs else " "
            click.echo(
                f"{mark}{row.concept:31} {_levels(row.levels_a):>24} {_levels(row.levels_b):>24}"
            )
    click.echo("* the lowest level differs (or the concept is absent from one document)")


def _levels(levels: tuple[int, ...]) -> str:
    return ",".join(f"L{n}" for n in levels) if levels else "-"


# -- indicators --------------------------------------------------------------------------


@cli.group()
def indicators() -> None:
    """Find a pack's indicators."""


@indicators.command("search")
@click.argument("pack_id")
@click.argument("words")
@click.option("--limit", default=20, show_default=True)
def search(pack_id: str, words: str, limit: int) -> None:
    """Indicators of PACK_ID whose wording matches WORDS (stemmed: 'drinking' finds 'drinks')."""
    pack = _pack(pack_id)
    hits = search_indicators(pack, words, limit=limit)
    if not hits:
        click.echo("no indicator matches")
    for hit in hits:
        ind = hit.indicator
        flag = " RED FLAG" if ind.red_flag else ""
        click.echo(f"{ind.id}\tL{ind.level}{flag}\t{ind.text}")


# -- assess ----------------------------------------------------------------------------


@cli.command("assess")
@click.argument("pack_id")
@click.option(
    "--indicator",
    "-i",
    "indicator_ids",
    multiple=True,
    help="An observed indicator id (repeat the option, or separate ids by commas).",
)
@click.option("--age", type=int, help="The child's age in whole years.")
@click.option(
    "--early-help-not-improving",
    is_flag=True,
    help="Early help is in place and the situation is not improving.",
)
@click.option(
    "--previous-cp-plan",
    is_flag=True,
    help="The child was previously subject to a child protection plan.",
)
@click.option(
    "--consent", type=click.Choice([c.value for c in Consent]), default="unknown", show_default=True
)
@click.option(
    "--start",
    type=click.DateTime(["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"]),
    help="When the clock starts, to give due times for the deadlines (e.g. 2026-11-23T09:30).",
)
@click.option(
    "--text",
    "text_file",
    type=click.File("rb"),
    help="A narrative to analyse first "
    "(a file, or - for standard input): its suggested indicators are added.",
)
@method_option
@click.option("--json", "as_json", is_flag=True, help="Machine-readable JSON.")
def assess_command(
    pack_id: str,
    indicator_ids: tuple[str, ...],
    text_file: BinaryIO | None,
    age: int | None,
    early_help_not_improving: bool,
    previous_cp_plan: bool,
    consent: str,
    start: datetime | None,
    method: str,
    as_json: bool,
) -> None:
    """Assess observed indicators against PACK_ID: the level, why, and what to do now.

    With --text, the narrative is analysed first and the indicators it evidences are shown,
    with the words that evidence them, then assessed with any --indicator given.
    """
    pack = _pack(pack_id)
    ids = [part.strip() for value in indicator_ids for part in value.split(",") if part.strip()]
    context = Context(early_help_not_improving, previous_cp_plan, Consent(consent))
    analysis = None
    if text_file is not None:
        try:
            analysis = analyse(pack, text_file.read(MAX_INPUT_BYTES), age=age, method=method)
        except (NarrativeInputError, MethodUnavailable) as exc:
            _fail(str(exc))
        ids += [i for i in analysis.proposed_ids if i not in ids]
        age = analysis.age if age is None else age
    try:
        decision = assess(pack, ids, age=age, context=context, start=start)
    except AssessmentInputError as exc:
        _fail(str(exc))
    if as_json:
        data = decision_to_dict(decision)
        if analysis is not None:
            data["analysis"] = analysis_to_dict(analysis)
            data["red_flags_to_check"] = [
                {
                    "concept": g.concept,
                    "question": g.question,
                    "indicators": [i.id for i in g.indicators],
                }
                for g in unchecked(pack, ids)
            ]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    if analysis is not None:
        click.echo(render_analysis(analysis))
    click.echo(render_decision(decision, pack))
    if analysis is not None and not decision.red_flags:
        click.echo("\n" + render_red_flag_check(unchecked(pack, ids)))


@cli.command("evaluate")
@click.argument("cases_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--framework", "pack_id", required=True, help="The pack the cases are written for.")
@method_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object, with every case.")
def evaluate_command(cases_file: Path, pack_id: str, method: str, as_json: bool) -> None:
    """Measure narrative analysis + decision on labelled narratives (JSONL).

    Each line: {"id", "text", "level": 1-4, "age": int|null, "indicators": [ids]|null}.
    Prints level accuracy, within-one accuracy, the confusion matrix, under- and over-triage,
    red-flag recall, indicator precision/recall and latency. Malformed lines are reported
    with their number and skipped.
    """
    pack = _pack(pack_id)
    cases, skipped = read_cases(cases_file)
    try:
        report = evaluate(pack, cases, method=method)
    except MethodUnavailable as exc:
        _fail(str(exc))
    report.skipped[:0] = skipped
    data = report.as_dict({i.id for i in pack.indicators if i.red_flag})
    if as_json:
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(render_evaluation(data))


# -- helpers ----------------------------------------------------------------------------


def _pack(ref: str) -> Pack:
    """An embedded pack by id, or a pack folder by path; exits cleanly on failure."""
    try:
        return load_pack(Path(ref)) if Path(ref).is_dir() else get_pack(ref)
    except KeyError as exc:
        _fail(str(exc.args[0]))
    except PackError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


def _fail(message: str) -> NoReturn:
    click.echo(f"error: {message}", err=True)
    sys.exit(2)
