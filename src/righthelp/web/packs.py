"""The packs as the web layer uses them: loaded once, looked up by id, with their source."""

from __future__ import annotations

from functools import cache

from django.http import Http404

from righthelp.framework.loader import get_pack, load_all_packs, pack_ids, packs_root
from righthelp.framework.schema import Indicator, Pack


def warm() -> None:
    """Load (and validate) every pack before the first request."""
    for pack in load_all_packs().values():
        index_of(pack.id)
        source_lines(pack.id)


def warm_server() -> None:
    """Before gunicorn forks its workers: compile the page templates and warm the
    analyser (its first call per pack builds the pack's word indexes), so that no
    practitioner waits for either."""
    from django.template.loader import get_template

    from righthelp.narrative import analyse

    for name in TEMPLATES:
        get_template(name)
    for pack in load_all_packs().values():
        analyse(pack, "The child is often hungry and mum drinks.")


TEMPLATES = (
    "journey/start.html",
    "journey/about.html",
    "journey/concern.html",
    "journey/answers.html",
    "journey/result.html",
    "browser/index.html",
    "browser/pack.html",
    "browser/indicators.html",
    "browser/indicator.html",
    "browser/domain.html",
    "compare/start.html",
    "compare/choose.html",
    "compare/result.html",
)


def all_packs() -> list[Pack]:
    return [get_pack(pack_id) for pack_id in pack_ids()]


def indicator_packs() -> list[Pack]:
    return [pack for pack in all_packs() if pack.has_indicator_tables]


def pack_or_404(pack_id: str) -> Pack:
    if pack_id not in pack_ids():
        raise Http404("No such framework")
    return get_pack(pack_id)


@cache
def index_of(pack_id: str) -> dict[str, Indicator]:
    return {i.id: i for i in get_pack(pack_id).indicators}


def indicator_or_404(pack: Pack, indicator_id: str) -> Indicator:
    found = index_of(pack.id).get(indicator_id)
    if found is None:
        raise Http404("No such indicator")
    return found


@cache
def source_lines(pack_id: str) -> tuple[str, ...]:
    pack = get_pack(pack_id)
    path = packs_root() / pack.id / pack.metadata.source_file
    return tuple(path.read_text("utf-8").splitlines())


def label(pack: Pack) -> str:
    """How a person names the partnership: its name, and the document's date."""
    return f"{pack.metadata.partnership} ({pack.metadata.issued})"
