"""Compare partnerships: choose a pack and tick indicators (or reuse the current concern),
then see the same observations under every other indicator-bearing pack, side by side.

The choose page is a GET form: indicator ids and an age are not about an identifiable
child, and a comparison can be bookmarked and shared. Query strings are never logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from righthelp.engine import Context, assess
from righthelp.engine.decision import Decision
from righthelp.framework.crosswalk import Correspondence, crosswalk
from righthelp.framework.schema import Indicator, Pack
from righthelp.reference import cin_codes, tags
from righthelp.web import packs
from righthelp.web.jinja import error_list
from righthelp.web.journey import present
from righthelp.web.journey.forms import AgeField
from righthelp.web.journey.state import CONCERN, Journey

MESSAGES = {
    "pack": "Select the partnership whose indicators you want to tick",
    "nothing": "Select at least one indicator to compare",
    "indicators": "Select indicators from the lists",
}


class ChoosePackForm(forms.Form):
    pack = forms.ChoiceField(
        widget=forms.RadioSelect,
        error_messages={"required": MESSAGES["pack"], "invalid_choice": MESSAGES["pack"]},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["pack"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(p.id, packs.label(p)) for p in packs.indicator_packs()]


class CompareForm(forms.Form):
    i = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": MESSAGES["indicators"]},
    )
    age = AgeField()
    q = forms.CharField(required=False, max_length=100)

    def __init__(self, *args: Any, pack: Pack, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["i"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(i.id, i.id) for i in pack.indicators]


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    journey = Journey.load(request)
    has_concern = journey.step >= CONCERN and bool(journey.indicator_ids)
    current = packs.pack_or_404(journey.pack_id) if has_concern and journey.pack_id else None
    if current is not None and not current.has_indicator_tables:
        current = None
    form = ChoosePackForm(request.GET if "pack" in request.GET else None)
    if form.is_bound and form.is_valid():
        return redirect("compare:choose", pack_id=form.cleaned_data["pack"])
    return render(
        request,
        "compare/start.html",
        {
            "form": form,
            "errors": error_list(form) if form.is_bound else [],
            "current": current,
            "label": packs.label,
        },
    )


def _choose_page(
    request: HttpRequest, pack: Pack, form: CompareForm, errors: list[dict[str, str]]
) -> HttpResponse:
    query = (form.data.get("q") or "").strip()[:100] if form.is_bound else ""
    ticked = set(request.GET.getlist("i")) if form.is_bound else set()
    return render(
        request,
        "compare/choose.html",
        {
            "form": form,
            "errors": errors,
            "pack": pack,
            "label": packs.label(pack),
            "lists": present.indicator_sections(pack, ticked, query),
        },
    )


@require_safe
def choose(request: HttpRequest, pack_id: str) -> HttpResponse:
    pack = packs.pack_or_404(pack_id)
    if not pack.has_indicator_tables:
        return redirect("compare:start")
    bound = bool(request.GET)
    form = CompareForm(request.GET if bound else None, pack=pack)
    errors = error_list(form, ["i", "age"]) if bound and not form.is_valid() else []
    return _choose_page(request, pack, form, errors)


@dataclass(frozen=True)
class Column:
    pack: Pack
    decision: Decision
    rows: dict[str, Correspondence | None]  # source indicator id -> correspondence

    @property
    def label(self) -> str:
        return packs.label(self.pack)


@require_safe
def result(request: HttpRequest, pack_id: str) -> HttpResponse:
    pack = packs.pack_or_404(pack_id)
    if not pack.has_indicator_tables:
        return redirect("compare:start")
    form = CompareForm(request.GET, pack=pack)
    if not form.is_valid():
        return _choose_page(request, pack, form, error_list(form, ["i", "age"]))
    ids = list(form.cleaned_data["i"])
    if not ids:
        form.add_error("i", MESSAGES["nothing"])
        errors = error_list(form, ["i", "age"])
        errors[0]["href"] = "#indicators"
        return _choose_page(request, pack, form, errors)
    return _compare(request, pack, ids, form.cleaned_data["age"], Context(), from_journey=False)


@require_safe
def current(request: HttpRequest) -> HttpResponse:
    journey = Journey.load(request)
    if journey.step < CONCERN or not journey.pack_id or not journey.indicator_ids:
        return redirect("compare:start")
    pack = packs.pack_or_404(journey.pack_id)
    if not pack.has_indicator_tables:
        return redirect("compare:start")
    return _compare(
        request,
        pack,
        journey.indicator_ids,
        journey.effective_age,
        journey.context,
        from_journey=True,
    )


def _compare(
    request: HttpRequest,
    pack: Pack,
    ids: list[str],
    age: int | None,
    context: Context,
    from_journey: bool,
) -> HttpResponse:
    source_decision = assess(pack, ids, age=age, context=context)
    index = packs.index_of(pack.id)
    observed: list[Indicator] = [m.indicator for m in source_decision.matched]
    columns = [Column(pack, source_decision, {i: None for i in ids})]
    for other in packs.indicator_packs():
        if other.id == pack.id:
            continue
        mapped = crosswalk(pack, ids, other)
        target_ids = [c.target.id for c in mapped if c.target is not None]
        decision = assess(other, target_ids, age=age, context=context)
        columns.append(Column(other, decision, {c.source.id: c for c in mapped}))
    return render(
        request,
        "compare/result.html",
        {
            "pack": pack,
            "label": packs.label(pack),
            "observed": observed or [index[i] for i in ids],
            "columns": columns,
            "age": age,
            "from_journey": from_journey,
            "basis": basis_label,
            "level_label": present.level_label,
            "again": reverse("compare:choose", args=[pack.id]) + "?" + request.GET.urlencode()
            if not from_journey
            else reverse("journey:answers"),
        },
    )


def basis_label(basis: str) -> str:
    """Why two rows correspond, in words."""
    kind, _, value = basis.partition(":")
    if kind == "cin":
        code = cin_codes().get(value)
        return f"Same Children in Need factor ({value}: {code.meaning})" if code else basis
    if kind == "tag":
        tag = tags().get(value)
        return f"Same topic ({tag.description})" if tag else basis
    if kind == "significant-harm":
        return "Both significant harm (red flags)"
    if kind == "wording":
        return "Similar wording"
    return "No corresponding row"
