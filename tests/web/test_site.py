"""Site-wide behaviour: security headers, CSP, cookies and their banner, health check,
error pages, structured logs that never hold what a practitioner typed."""

from __future__ import annotations

import json
import logging
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import DatabaseError
from django.test import Client
from django.utils import timezone

from righthelp.web import cookies
from righthelp.web.logs import JsonFormatter
from righthelp.web.middleware import purge_expired_sessions
from righthelp.web.views import COOKIE_ERROR
from tests.web.conftest import LEVEL_4_TEXT, STOKE, about, concern, error_summary, html_of, text_of

PAGES = [
    "/",
    "/check/about/",
    "/frameworks/",
    "/frameworks/stoke-on-trent-2018/",
    "/compare/",
    "/cookies/",
    "/privacy/",
    "/accessibility/",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_accessible_gov_uk_pages(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    html = html_of(response)
    assert '<html lang="en-GB" class="govuk-template">' in html
    assert 'class="govuk-skip-link"' in html and 'href="#main-content"' in html
    assert 'id="main-content"' in html
    assert "govuk-phase-banner" in html and "Beta" in html
    assert html.count("<h1") == 1
    assert re.search(r"<title>[^<]+ – RightHelp</title>", html)


@pytest.mark.parametrize("url", PAGES)
def test_no_inline_script_or_style(client: Client, url: str) -> None:
    html = html_of(client.get(url))
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag
    assert "<style" not in html
    assert " style=" not in html
    assert " onclick=" not in html


def test_security_headers(client: Client) -> None:
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"
    assert "camera=()" in response["Permissions-Policy"]


def test_hsts_and_secure_cookies_when_behind_https(settings, client: Client) -> None:  # type: ignore[no-untyped-def]
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/")["Location"].startswith("https://")
    response = client.get("/", secure=True)
    assert "max-age=31536000" in response["Strict-Transport-Security"]


def test_session_cookie_is_httponly(client: Client) -> None:
    response = about(client)
    cookie = response.cookies["righthelp_session"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_production_settings_mark_cookies_secure() -> None:
    import importlib
    import os

    env = {"SECRET_KEY": "x" * 50, "DEBUG": "", "SECURE_COOKIES": ""}
    with mock.patch.dict(os.environ, env):
        import righthelp.web.settings as production

        reloaded = importlib.reload(production)
        assert reloaded.SESSION_COOKIE_SECURE is True
        assert reloaded.CSRF_COOKIE_SECURE is True
        assert reloaded.SESSION_COOKIE_HTTPONLY is True
    importlib.reload(production)


def test_production_settings_need_a_secret_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import importlib
    import os

    from django.core.exceptions import ImproperlyConfigured

    env = {"SECRET_KEY": "", "SECRET_KEY_FILE": "", "DEBUG": "", "RIGHTHELP_VAR_DIR": str(tmp_path)}
    import righthelp.web.settings as production

    with mock.patch.dict(os.environ, env), pytest.raises(ImproperlyConfigured):
        importlib.reload(production)
    with mock.patch.dict(os.environ, {**env, "DEBUG": "1"}):
        assert importlib.reload(production).SECRET_KEY.startswith("django-insecure")
    importlib.reload(production)


def test_every_form_has_a_csrf_token(client: Client) -> None:
    for url in ("/check/about/", "/cookies/", "/"):
        html = html_of(client.get(url))
        forms = re.findall(r"<form[^>]*method=\"post\"[^>]*>.*?</form>", html, flags=re.S)
        assert forms
        for form in forms:
            assert 'name="csrfmiddlewaretoken"' in form


def test_a_post_without_the_csrf_token_is_refused() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/check/about/", {"partnership": STOKE, "consent": "unknown"})
    assert response.status_code == 403
    assert "Your form could not be sent" in text_of(response)


def test_head_requests_work(client: Client) -> None:
    assert client.head("/").status_code == 200
    assert client.head("/healthz").status_code == 200


# -- health ----------------------------------------------------------------------------


def test_healthz_checks_the_database(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["status"] == "ok"
    assert data["checks"]["database"] == "ok"
    assert data["checks"]["frameworks"] == 5


def test_healthz_reports_a_broken_database(client: Client) -> None:
    with mock.patch("righthelp.web.views.connection") as connection:
        connection.cursor.side_effect = DatabaseError("down")
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "error"


# -- errors ----------------------------------------------------------------------------


def test_not_found_page(client: Client) -> None:
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "Page not found" in text_of(response)


def test_server_error_page_names_999() -> None:
    client = Client(raise_request_exception=False)
    with mock.patch("righthelp.web.journey.views.Journey.load", side_effect=RuntimeError):
        response = client.get("/")
    assert response.status_code == 500
    assert "call 999" in text_of(response)


# -- cookies -----------------------------------------------------------------------------


def test_cookie_banner_until_a_choice_is_made(client: Client) -> None:
    html = html_of(client.get("/"))
    assert 'data-testid="cookie-banner"' in html
    assert "Accept additional cookies" in html and "Reject additional cookies" in html
    assert html.index('data-testid="cookie-banner"') < html.index("govuk-skip-link")


def test_accepting_cookies_shows_the_confirmation_once(client: Client) -> None:
    response = client.post("/cookies/banner/", {"cookies": "accepted", "next": "/frameworks/"})
    assert response["Location"] == "/frameworks/"
    assert response.cookies[cookies.POLICY].value == "accepted"
    page = client.get("/frameworks/")
    assert "You've accepted additional cookies." in text_of(page) or "accepted additional" in (
        html_of(page)
    )
    again = client.get("/frameworks/")
    assert "cookie-banner" not in html_of(again)


def test_the_banner_never_redirects_off_site(client: Client) -> None:
    response = client.post("/cookies/banner/", {"cookies": "rejected", "next": "https://evil/"})
    assert response["Location"] == "/"


def test_partnership_remembered_only_with_consent(client: Client) -> None:
    response = about(client)
    assert cookies.PARTNERSHIP not in response.cookies  # no choice made: nothing remembered
    client.post("/cookies/banner/", {"cookies": "accepted", "next": "/"})
    response = about(client, partnership="luton-2017")
    assert response.cookies[cookies.PARTNERSHIP].value == "luton-2017"
    fresh = Client()
    fresh.cookies[cookies.POLICY] = "accepted"
    fresh.cookies[cookies.PARTNERSHIP] = "luton-2017"
    html = html_of(fresh.get("/check/about/"))
    assert re.search(r'<input[^>]*value="luton-2017"[^>]*checked', html)


def test_rejecting_cookies_forgets_the_partnership(client: Client) -> None:
    client.cookies[cookies.POLICY] = "accepted"
    client.cookies[cookies.PARTNERSHIP] = "luton-2017"
    response = client.post("/cookies/banner/", {"cookies": "rejected", "next": "/"})
    assert response.cookies[cookies.PARTNERSHIP].value == ""  # deleted
    response = about(client)
    assert cookies.PARTNERSHIP not in response.cookies
    fresh = Client()
    fresh.cookies[cookies.POLICY] = "rejected"
    fresh.cookies[cookies.PARTNERSHIP] = "luton-2017"
    html = html_of(fresh.get("/check/about/"))
    assert not re.search(r'<input[^>]*value="luton-2017"[^>]*checked', html)


def test_cookies_page_saves_the_choice(client: Client) -> None:
    response = client.post("/cookies/", {"cookies": "accepted"})
    assert response["Location"] == "/cookies/?saved=1"
    assert response.cookies[cookies.POLICY].value == "accepted"
    assert "You’ve set your cookie preferences." in text_of(client.get("/cookies/?saved=1"))


def test_cookies_page_error(client: Client) -> None:
    response = client.post("/cookies/", {})
    assert response.status_code == 200
    assert ("#cookies", COOKIE_ERROR) in error_summary(response)
    response = client.post("/cookies/", {"cookies": "sometimes"})
    assert ("#cookies", COOKIE_ERROR) in error_summary(response)


# -- sessions ----------------------------------------------------------------------------


def test_expired_journeys_are_purged() -> None:
    old = SessionStore()
    old["journey"] = {"text": LEVEL_4_TEXT}
    old.create()
    Session.objects.filter(session_key=old.session_key).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )
    live = SessionStore()
    live["journey"] = {}
    live.create()
    assert purge_expired_sessions() == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]


# -- logs ------------------------------------------------------------------------------------


def test_one_json_log_line_per_request_without_what_was_typed(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    about(client, age="9")
    with caplog.at_level(logging.INFO, logger="righthelp.web.request"):
        concern(client, LEVEL_4_TEXT)
        client.get("/check/concern/?q=punched")
    records = [r for r in caplog.records if r.name == "righthelp.web.request"]
    assert len(records) == 2
    lines = [JsonFormatter().format(r) for r in records]
    first = json.loads(lines[0])
    assert first["method"] == "POST"
    assert first["path"] == "/check/concern/"
    assert first["status"] == 302
    assert isinstance(first["duration_ms"], float)
    second = json.loads(lines[1])
    assert second["path"] == "/check/concern/"  # never the query string
    for line in lines:
        assert "punched" not in line and "bruise" not in line


def test_json_formatter_drops_unknown_fields_and_exception_messages() -> None:
    try:
        int("Jade Smith")
    except ValueError:
        import sys

        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    record.request = "POST text=Jade Smith"  # as a library might attach it
    line = JsonFormatter().format(record)
    data = json.loads(line)
    assert "Jade" not in line
    assert data["exc_type"] == "ValueError"
    assert data["message"] == "failed"


def _csrf_client() -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    html = html_of(client.get("/check/about/", secure=True))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert token
    return client, token.group(1)


ABOUT_FORM = {"partnership": STOKE, "consent": "unknown"}


def test_a_same_origin_form_post_under_no_referrer_is_accepted() -> None:
    """Referrer-Policy: no-referrer makes browsers send `Origin: null` and no Referer;
    Sec-Fetch-Site tells it is the service's own form."""
    client, token = _csrf_client()
    response = client.post(
        "/check/about/",
        {**ABOUT_FORM, "csrfmiddlewaretoken": token},
        secure=True,
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302
    client, token = _csrf_client()
    response = client.post(
        "/check/about/",
        {**ABOUT_FORM, "csrfmiddlewaretoken": token},
        secure=True,
        HTTP_SEC_FETCH_SITE="same-origin",
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("headers", "with_token"),
    [
        ({"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "cross-site"}, True),
        ({"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "same-origin"}, True),
        ({"HTTP_SEC_FETCH_SITE": "cross-site"}, True),  # no Origin, no Referer, over HTTPS
        ({}, True),  # an old browser over HTTPS with no Referer: Django's strict check
        ({"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "same-origin"}, False),  # no token
    ],
)
def test_cross_site_posts_are_refused(headers: dict[str, str], with_token: bool) -> None:
    client, token = _csrf_client()
    data = {**ABOUT_FORM, **({"csrfmiddlewaretoken": token} if with_token else {})}
    response = client.post("/check/about/", data, secure=True, **headers)  # type: ignore[arg-type]
    assert response.status_code == 403
