"""Site pages: cookies, privacy, accessibility, the health check, and error pages."""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from righthelp.framework.loader import pack_ids
from righthelp.web import cookies

log = logging.getLogger("righthelp.web")

COOKIE_ERROR = "Select whether you want RightHelp to remember your partnership"


class CookiesForm(forms.Form):
    cookies = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=[(cookies.ACCEPTED, "Yes"), (cookies.REJECTED, "No")],
        error_messages={"required": COOKIE_ERROR, "invalid_choice": COOKIE_ERROR},
    )


def _safe_next(request: HttpRequest, target: str | None) -> str:
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_POST
def cookie_banner(request: HttpRequest) -> HttpResponse:
    """The banner's Accept / Reject buttons: set the choice and go back to the page."""
    form = CookiesForm(request.POST)
    response = HttpResponseRedirect(_safe_next(request, request.POST.get("next")))
    if form.is_valid():
        cookies.set_policy(
            response, form.cleaned_data["cookies"], settings.SESSION_COOKIE_SECURE, confirm=True
        )
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def cookies_page(request: HttpRequest) -> HttpResponse:
    saved = False
    if request.method == "POST":
        form = CookiesForm(request.POST)
        if form.is_valid():
            response = HttpResponseRedirect(request.path + "?saved=1")
            cookies.set_policy(
                response, form.cleaned_data["cookies"], settings.SESSION_COOKIE_SECURE, False
            )
            return response
    else:
        form = CookiesForm(initial={"cookies": cookies.policy(request) or cookies.REJECTED})
        saved = request.GET.get("saved") == "1"
    errors = (
        [{"text": str(form.errors["cookies"][0]), "href": "#cookies"}]
        if form.is_bound and form.errors
        else []
    )
    return render(request, "site/cookies.html", {"form": form, "errors": errors, "saved": saved})


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "site/privacy.html")


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "site/accessibility.html")


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    checks: dict[str, Any] = {}
    healthy = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except DatabaseError:
        log.exception("health check: database", extra={"check": "database"})
        checks["database"] = "error"
        healthy = False
    checks["frameworks"] = len(pack_ids())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if request.path.startswith("/api/"):
        from righthelp.web.api.problems import problem

        return problem(404, "Not found", "There is nothing at this address.")
    return render(request, "site/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        from righthelp.web.api.problems import problem

        return problem(500, "Internal server error", "Something went wrong. Try again later.")
    return render(request, "site/500.html", status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "site/csrf.html", status=403)
