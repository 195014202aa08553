"""`righthelp`: framework packs, indicator search and assessments from the command line.

Exit codes: 0 success, 1 invalid pack or failed check, 2 bad usage or input.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from righthelp.framework.coverage import coverage
from righthelp.framework.loader import PackError, get_pack, load_pack, pack_ids, packs_root


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="righthelp")
def cli() -> None:
    """RightHelp: the right help at the right time, from a partnership's threshold document.

    Decision support only: professional judgement decides.
    """


@cli.group()
def frameworks() -> None:
    """List, show, validate, measure and compare framework packs."""


@frameworks.command("validate")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
def validate(path: Path | None) -> None:
    """Validate PATH (a pack folder), or every embedded pack when PATH is omitted."""
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
    pack = _pack_or_exit(pack_id)
    source = (packs_root() / pack.id / pack.metadata.source_file).read_text("utf-8")
    report = coverage(pack, source.splitlines())
    click.echo(f"{pack.metadata.title} ({pack.id})")
    click.echo(f"indicators: {len(pack.indicators)}  red flags: {report.red_flags}  "
               f"damaged transcriptions: {report.damaged}")
    domains = {d.id: d for d in pack.domains}
    for level in pack.levels:
        rows = [(d, n) for (lv, d), n in report.by_level_and_domain.items() if lv == level.number]
        click.echo(f"Level {level.number} {level.name}: {sum(n for _, n in rows)}")
        for domain_id, n in rows:
            click.echo(f"  {domains[domain_id].name}: {n}")
    if not pack.indicator_tables:
        click.echo("the source has no indicator tables")
    click.echo(f"uncovered indicator lines: {len(report.uncovered)} of {report.table_lines}")
    for item in report.uncovered:
        click.echo(f"  line {item.line}: {item.words}")
    sys.exit(0)


def _pack_or_exit(pack_id: str):  # type: ignore[no-untyped-def]
    try:
        return get_pack(pack_id)
    except KeyError as exc:
        raise click.UsageError(str(exc.args[0])) from None
    except PackError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
