"""Check a concern: start -> about the child -> your concern -> check your answers -> result.

Five page loads from the start page to a result. The partnership and the child's situation
share one page, and the suggestions found in a description are confirmed on the check your
answers page, so that a practitioner under stress reaches "this is the level, this is what
I do now, this is the number" quickly. Every answer is kept when they go back or change it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from righthelp.engine import AssessmentInputError, assess
from righthelp.engine.decision import Decision
from righthelp.framework.red_flags import RedFlagGroup, unchecked
from righthelp.framework.schema import Pack
from righthelp.narrative import NarrativeInputError
from righthelp.web import cookies, packs
from righthelp.web.jinja import error_list, highlight
from righthelp.web.journey import present
from righthelp.web.journey.forms import MESSAGES, AboutForm, AnswersForm, ConcernForm
from righthelp.web.journey.state import ABOUT, ANSWERS, CONCERN, Journey


def _expired(request: HttpRequest, journey: Journey) -> bool:
    """A session cookie came back but its journey is gone: it expired (30 minutes)."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES and journey.step == 0


def _go(name: str, query: dict[str, str] | None = None, anchor: str = "") -> HttpResponseRedirect:
    target = reverse(name)
    if query:
        target += "?" + urlencode(query)
    return HttpResponseRedirect(target + anchor)


def _pack(journey: Journey) -> Pack | None:
    if journey.pack_id is None:
        return None
    try:
        return packs.pack_or_404(journey.pack_id)
    except Http404:  # a pack removed since the journey began
        return None


# -- start ------------------------------------------------------------------------------


@require_safe
def start(request: HttpRequest) -> HttpResponse:
    journey = Journey.load(request)
    return render(
        request,
        "journey/start.html",
        {
            "packs": packs.all_packs(),
            "label": packs.label,
            "in_progress": journey.step >= ABOUT,
            "deleted": request.GET.get("deleted") == "1",
        },
    )


@require_POST
def restart(request: HttpRequest) -> HttpResponse:
    Journey.clear(request)
    return _go("journey:start", {"deleted": "1"})


# -- about the child --------------------------------------------------------------------


def _partnership_choices() -> list[tuple[str, str]]:
    return [(p.id, packs.label(p)) for p in packs.all_packs()]


@require_http_methods(["GET", "HEAD", "POST"])
def about(request: HttpRequest) -> HttpResponse:
    journey = Journey.load(request)
    expired = _expired(request, journey) and request.method == "GET"
    if request.method == "POST":
        form = AboutForm(request.POST, partnerships=_partnership_choices())
        if form.is_valid():
            return _save_about(request, journey, form.cleaned_data)
    else:
        situation = [
            name
            for name, on in (
                ("early-help-not-improving", journey.early_help_not_improving),
                ("previous-cp-plan", journey.previous_cp_plan),
            )
            if on
        ]
        form = AboutForm(
            partnerships=_partnership_choices(),
            initial={
                "partnership": journey.pack_id or cookies.remembered_partnership(request),
                "age": "" if journey.age is None else str(journey.age),
                "situation": situation,
                "consent": journey.consent,
            },
        )
    return render(
        request,
        "journey/about.html",
        {
            "form": form,
            "errors": present_errors(form, ["partnership", "age", "situation", "consent"]),
            "packs": packs.all_packs(),
            "expired": expired,
            "back": reverse("journey:start"),
        },
    )


def _save_about(request: HttpRequest, journey: Journey, data: dict[str, Any]) -> HttpResponse:
    journey.change_pack(data["partnership"])
    journey.age = data["age"]
    journey.early_help_not_improving = "early-help-not-improving" in data["situation"]
    journey.previous_cp_plan = "previous-cp-plan" in data["situation"]
    journey.consent = data["consent"]
    journey.step = max(journey.step, ABOUT)
    pack = packs.pack_or_404(data["partnership"])
    if not pack.has_indicator_tables:  # nothing to tick or match: straight to the answers
        journey.text, journey.ticked = "", []
        journey.step = max(journey.step, CONCERN)
    if journey.step >= CONCERN:
        journey.refresh_analysis(pack)  # the age may have changed what the words mean
    journey.save(request)
    response = _go("journey:answers" if journey.step >= CONCERN else "journey:concern")
    cookies.remember_partnership(request, response, pack.id, settings.SESSION_COOKIE_SECURE)
    return response


# -- your concern -----------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def concern(request: HttpRequest) -> HttpResponse:
    journey = Journey.load(request)
    pack = _pack(journey)
    if pack is None or journey.step < ABOUT:
        return _go("journey:about")
    if not pack.has_indicator_tables:
        return _go("journey:answers")
    ids = [i.id for i in pack.indicators]
    if request.method == "POST":
        form = ConcernForm(request.POST, indicator_ids=ids)
        if form.is_valid():
            response = _save_concern(request, journey, pack, form)
            if response is not None:
                return response
        query = form.data.get("shown_query", "")[:100]
    else:
        query = request.GET.get("q", "").strip()[:100]
        form = ConcernForm(
            indicator_ids=ids,
            initial={"text": journey.text, "indicators": journey.ticked, "q": query},
        )
    return _render_concern(request, journey, pack, form, query)


def _save_concern(
    request: HttpRequest, journey: Journey, pack: Pack, form: ConcernForm
) -> HttpResponse | None:
    data = form.cleaned_data
    shown = {i.id for i in _shown(pack, data["shown_query"])}
    checked = list(data["indicators"])
    journey.ticked = list(dict.fromkeys([i for i in journey.ticked if i not in shown] + checked))
    journey.text = data["text"]
    if form.searching:
        journey.save(request)
        query = data["q"].strip()
        return _go("journey:concern", {"q": query} if query else None, "#indicators")
    if not journey.text and not journey.ticked:
        form.add_error("text", MESSAGES["nothing"])
    else:
        try:
            journey.refresh_analysis(pack)
        except NarrativeInputError:
            form.add_error("text", MESSAGES["text_unreadable"])
        else:
            if journey.text and not journey.suggestions and not journey.ticked:
                form.add_error("text", MESSAGES["nothing_found"])
    journey.save(request)  # answers are kept even when something needs fixing
    if form.errors:
        return None
    journey.step = max(journey.step, CONCERN)
    journey.save(request)
    return _go("journey:answers")


def _shown(pack: Pack, query: str) -> list[Any]:
    return present.search(pack, query) if query.strip() else list(pack.indicators)


def _render_concern(
    request: HttpRequest, journey: Journey, pack: Pack, form: ConcernForm, query: str
) -> HttpResponse:
    if form.is_bound:
        ticked = set(request.POST.getlist("indicators")) | (
            set(journey.ticked) - {i.id for i in _shown(pack, query)}
        )
    else:
        ticked = set(journey.ticked)
    return render(
        request,
        "journey/concern.html",
        {
            "form": form,
            "errors": present_errors(form, ["text", "q", "indicators"]),
            "pack": pack,
            "lists": present.indicator_sections(pack, ticked, query),
            "back": reverse("journey:about"),
        },
    )


# -- check your answers -----------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def answers(request: HttpRequest) -> HttpResponse:
    journey = Journey.load(request)
    pack = _pack(journey)
    if pack is None or journey.step < CONCERN:
        return _go("journey:concern" if journey.step >= ABOUT else "journey:about")
    try:
        journey.refresh_analysis(pack)
    except NarrativeInputError:
        return _go("journey:concern")
    suggestion_ids = journey.suggestion_ids
    if request.method == "POST":
        form = AnswersForm(request.POST, suggestion_ids=suggestion_ids)
        if form.is_valid():
            journey.confirm(form.cleaned_data["confirmed"])
            context = journey.context
            nothing = not journey.indicator_ids and not (
                context.early_help_not_improving or context.previous_cp_plan
            )
            if nothing and pack.has_indicator_tables:
                form.add_error("confirmed", MESSAGES["none_confirmed"])
            else:
                journey.step = ANSWERS
                journey.start_clock(timezone.localtime())
                journey.save(request)
                return _go("journey:result")
            journey.save(request)
    else:
        form = AnswersForm(suggestion_ids=suggestion_ids, initial={"confirmed": journey.confirmed})
    index = packs.index_of(pack.id)
    errors = present_errors(form, ["confirmed"])
    if errors and suggestion_ids and errors[0]["href"] == "#confirmed":
        errors[0]["href"] = f"#sug-{suggestion_ids[0]}"
    elif errors:
        errors[0]["href"] = "#ticked"
    return render(
        request,
        "journey/answers.html",
        {
            "form": form,
            "errors": errors,
            "pack": pack,
            "journey": journey,
            "label": packs.label(pack),
            "consent": present.consent_label(journey.consent),
            "ticked": [index[i] for i in journey.ticked if i in index],
            "suggestions": present.suggestion_rows(pack, journey, index),
            "level_label": lambda n: present.level_label(pack, n),
            "highlighted_text": highlight(
                journey.text,
                [e for s in journey.suggestions if s.proposed for e in s.evidence],
            ),
            "back": reverse("journey:concern")
            if pack.has_indicator_tables
            else reverse("journey:about"),
        },
    )


# -- the result -------------------------------------------------------------------------


def _decision(request: HttpRequest) -> tuple[Journey, Pack, Decision] | HttpResponse:
    journey = Journey.load(request)
    pack = _pack(journey)
    if pack is None or journey.step < ANSWERS:
        if journey.step >= CONCERN:
            return _go("journey:answers")
        return _go("journey:about")
    try:
        decision = assess(
            pack,
            journey.indicator_ids,
            age=journey.effective_age,
            context=journey.context,
            start=journey.clock,
        )
    except AssessmentInputError:
        return _go("journey:concern")
    return journey, pack, decision


@require_safe
def result(request: HttpRequest) -> HttpResponse:
    found = _decision(request)
    if isinstance(found, HttpResponse):
        return found
    journey, pack, decision = found
    return render(request, "journey/result.html", result_context(journey, pack, decision))


def result_context(journey: Journey, pack: Pack, decision: Decision) -> dict[str, Any]:
    front, out_of_hours = present.front_door(decision)
    return {
        "pack": pack,
        "label": packs.label(pack),
        "journey": journey,
        "decision": decision,
        "level": pack.level(decision.level) if decision.level else None,
        "level_label": lambda n: present.level_label(pack, n),
        "urgency_text": present.URGENCY_TEXT[decision.urgency],
        "urgency_tag": present.URGENCY_TAG[decision.urgency],
        "front_door": front,
        "out_of_hours": out_of_hours,
        "reach": present.how_to_reach,
        "tel": present.tel_href,
        "questions": present.judgement_questions(pack),
        "back": reverse("journey:answers"),
        "concern_url": reverse("journey:concern"),
        "red_flag_check": _red_flag_check(journey, pack, decision),
    }


def _red_flag_check(journey: Journey, pack: Pack, decision: Decision) -> tuple[RedFlagGroup, ...]:
    """Significant-harm concepts a description did not evidence: the analyser can miss what
    words do not say plainly, so the practitioner is asked about each one."""
    if not journey.text or decision.red_flags or not pack.has_indicator_tables:
        return ()
    return unchecked(pack, (m.indicator.id for m in decision.matched))


@require_safe
def result_pdf(request: HttpRequest) -> HttpResponse:
    from righthelp.web.journey.pdf import summary_pdf

    found = _decision(request)
    if isinstance(found, HttpResponse):
        return found
    journey, pack, decision = found
    response = HttpResponse(summary_pdf(pack, decision, journey), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="righthelp-summary.pdf"'
    return response


def present_errors(form: Any, order: list[str]) -> list[dict[str, str]]:
    return error_list(form, order) if form.is_bound and form.errors else []
