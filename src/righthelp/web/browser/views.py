"""Framework browser pages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from righthelp.framework.schema import Domain, Pack
from righthelp.web import packs
from righthelp.web.journey import present

SOURCE_CONTEXT = 2  # lines shown either side of an indicator's own lines


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "browser/index.html", {"packs": packs.all_packs(), "label": packs.label})


@require_safe
def pack_detail(request: HttpRequest, pack_id: str) -> HttpResponse:
    pack = packs.pack_or_404(pack_id)
    counts = {
        level.number: sum(1 for i in pack.indicators if i.level == level.number)
        for level in pack.levels
    }
    return render(
        request,
        "browser/pack.html",
        {
            "pack": pack,
            "label": packs.label(pack),
            "counts": counts,
            "contact": {c.id: c for c in pack.contacts},
            "timescale": {t.id: t for t in pack.timescales},
            "domains": _domains_with_counts(pack),
        },
    )


def _domains_with_counts(pack: Pack) -> list[tuple[Domain, int]]:
    return [(d, sum(1 for i in pack.indicators if i.domain == d.id)) for d in pack.domains]


@require_safe
def indicators(request: HttpRequest, pack_id: str) -> HttpResponse:
    pack = packs.pack_or_404(pack_id)
    query = request.GET.get("q", "").strip()[:100]
    level = request.GET.get("level", "")
    results = present.search(pack, query) if query else list(pack.indicators)
    if level in {"1", "2", "3", "4"}:
        results = [i for i in results if i.level == int(level)]
    domains = {d.id: d for d in pack.domains}
    return render(
        request,
        "browser/indicators.html",
        {
            "pack": pack,
            "label": packs.label(pack),
            "query": query,
            "level": level,
            "results": results,
            "domains": domains,
            "level_label": lambda n: present.level_label(pack, n),
        },
    )


@require_safe
def indicator(request: HttpRequest, pack_id: str, indicator_id: str) -> HttpResponse:
    pack = packs.pack_or_404(pack_id)
    found = packs.indicator_or_404(pack, indicator_id)
    lines = packs.source_lines(pack.id)
    first, last = found.source.lines
    start = max(1, first - SOURCE_CONTEXT)
    end = min(len(lines), last + SOURCE_CONTEXT)
    excerpt = [(n, lines[n - 1], first <= n <= last) for n in range(start, end + 1)]
    return render(
        request,
        "browser/indicator.html",
        {
            "pack": pack,
            "label": packs.label(pack),
            "indicator": found,
            "domain": pack.domain(found.domain),
            "excerpt": excerpt,
            "level_label": lambda n: present.level_label(pack, n),
        },
    )


@require_safe
def domain(request: HttpRequest, pack_id: str, domain_id: str) -> HttpResponse:
    pack = packs.pack_or_404(pack_id)
    found = next((d for d in pack.domains if d.id == domain_id), None)
    if found is None:
        from django.http import Http404

        raise Http404("No such domain")
    columns = [
        (level, [i for i in pack.indicators if i.domain == found.id and i.level == level.number])
        for level in sorted(pack.levels, key=lambda lv: lv.number)
    ]
    return render(
        request,
        "browser/domain.html",
        {
            "pack": pack,
            "label": packs.label(pack),
            "domain": found,
            "columns": columns,
            "domains": pack.domains,
        },
    )


@require_safe
def source(request: HttpRequest, pack_id: str) -> HttpResponse:
    pack = packs.pack_or_404(pack_id)
    return render(
        request,
        "browser/source.html",
        {
            "pack": pack,
            "label": packs.label(pack),
            "lines": list(enumerate(packs.source_lines(pack.id), start=1)),
        },
    )
