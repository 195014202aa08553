"""The Jinja2 environment: GOV.UK Frontend macros (govuk-frontend-jinja) and our helpers.

Pages are Jinja2 templates calling the GOV.UK Frontend macros, ported one for one from the
Nunjucks originals. One environment is built per process, so templates and macros are
compiled once (see the web ADR in the report: the Django-tag wrapper rebuilt an environment
for every component, ~18 ms each).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from django import forms
from django.templatetags.static import static
from django.urls import get_script_prefix, reverse
from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, PrefixLoader
from markupsafe import Markup, escape

from righthelp.framework.schema import SourceRef


def environment(**options: Any) -> Environment:
    own: BaseLoader = options.pop("loader")
    options["loader"] = ChoiceLoader(
        [own, PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
    )
    options.setdefault("extensions", []).append("jinja2.ext.do")
    env = Environment(**options)
    env.globals.update(
        static=static,
        url=url,
        field=field,
        error_list=error_list,
        source_href=source_href,
        source_link=source_link,
        checkbox_group=checkbox_group,
    )
    env.filters.update(highlight=highlight, lines=lines_label, paragraphs=paragraphs)
    return env


def url(name: str, *args: Any) -> str:
    """reverse(), cached: a result page links to dozens of indicator and source pages."""
    return _reverse(get_script_prefix(), name, args)


@lru_cache(maxsize=8192)
def _reverse(prefix: str, name: str, args: tuple[Any, ...]) -> str:
    return reverse(name, args=args or None)


# -- forms as GOV.UK Frontend macro parameters --------------------------------------------


def field(bound: forms.BoundField, **params: Any) -> dict[str, Any]:
    """Parameters for a GOV.UK macro from a Django field: id, name, value(s), error.

    Every input's id is its name, so the error summary links to `#name` and, for radios
    and checkboxes, to the first item (GOV.UK Frontend gives the first item the bare id).
    """
    name = bound.html_name
    out: dict[str, Any] = {"id": name, "name": name, "idPrefix": name}
    value = bound.value()
    widget = bound.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        out["values"] = [str(v) for v in (value or [])]
    elif isinstance(widget, forms.RadioSelect):
        out["value"] = "" if value is None else str(value)
    elif isinstance(widget, forms.CheckboxInput):
        out["values"] = ["true"] if value else []
    else:
        out["value"] = "" if value is None else str(value)
    if bound.errors:
        out["errorMessage"] = {"text": str(bound.errors[0])}
    out.update(params)
    return out


def error_list(form: forms.Form, order: Sequence[str] | None = None) -> list[dict[str, str]]:
    """The error summary's list: one link per field in error, in the page's order."""
    names = list(order) if order else list(form.fields)
    names += [n for n in form.errors if n not in names and n != "__all__"]
    items = [
        {"text": str(form.errors[n][0]), "href": f"#{form.add_prefix(n)}"}
        for n in names
        if n in form.errors
    ]
    items += [{"text": str(e), "href": "#main-content"} for e in form.non_field_errors()]
    return items


# -- text helpers ------------------------------------------------------------------------


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> Markup:
    """The text, escaped, with each (start, end) span wrapped in <mark>."""
    out: list[str] = []
    cursor = 0
    for start, end in sorted(set(spans)):
        start = max(start, cursor)
        if end <= start:
            continue
        out.append(str(escape(text[cursor:start])))
        out.append(f'<mark class="app-evidence">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


def lines_label(ref: SourceRef | None) -> str:
    return ref.label if ref else ""


def source_href(pack_id: str, ref: SourceRef | None) -> str:
    """A link to the cited lines in the framework browser's copy of the source text."""
    base = url("browser:source", pack_id)
    return f"{base}#L{ref.lines[0]}" if ref else base


def source_link(pack_id: str, ref: SourceRef | None, text: str | None = None) -> Markup:
    """<a> to the cited lines, labelled "line 12" or "lines 12-14" (or `text`)."""
    if ref is None:
        return Markup("")
    return Markup('<a class="govuk-link app-source" href="{}">{}</a>').format(
        source_href(pack_id, ref), text or ref.label
    )


_BLANK_LINES = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> Markup:
    """Plain text as GOV.UK body paragraphs (blank lines separate them)."""
    parts = [p.strip() for p in _BLANK_LINES.split(text) if p.strip()]
    return Markup("".join(f'<p class="govuk-body">{escape(p)}</p>' for p in parts))


def checkbox_group(
    name: str, legend: str, items: Iterable[dict[str, Any]], legend_classes: str = ""
) -> Markup:
    """A GOV.UK small-checkboxes fieldset, markup for markup what govukCheckboxes gives for
    items with a hint. Written out here because the indicator lists hold up to 300 items:
    the macro took ~0.5 ms an item, this a few microseconds."""
    out = [
        '<div class="govuk-form-group"><fieldset class="govuk-fieldset">',
        f'<legend class="govuk-fieldset__legend {escape(legend_classes)}">'
        f"{escape(legend)}</legend>",
        '<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">',
    ]
    for item in items:
        item_id = escape(item["id"])
        hint = item.get("hint", {}).get("text")
        described = f' aria-describedby="{item_id}-item-hint"' if hint else ""
        checked = " checked" if item.get("checked") else ""
        out.append(
            f'<div class="govuk-checkboxes__item">'
            f'<input class="govuk-checkboxes__input" id="{item_id}" name="{escape(name)}" '
            f'type="checkbox" value="{escape(item["value"])}"{checked}{described} '
            f"data-filter-item>"
            f'<label class="govuk-label govuk-checkboxes__label" for="{item_id}">'
            f"{escape(item['text'])}</label>"
        )
        if hint:
            out.append(
                f'<div id="{item_id}-item-hint" class="govuk-hint govuk-checkboxes__hint">'
                f"{escape(hint)}</div>"
            )
        out.append("</div>")
    out.append("</div></fieldset></div>")
    return Markup("".join(out))
