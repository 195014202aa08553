"""Request logging, extra security headers and the purge of expired journeys."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from django.contrib.sessions.models import Session
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from righthelp.web import cookies

Handler = Callable[[HttpRequest], HttpResponse]

request_log = logging.getLogger("righthelp.web.request")


class RequestLogMiddleware:
    """One line per request: method, path (never the query string), status, duration."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        start = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            return response
        finally:
            request_log.info(
                "request",
                extra={
                    "event": "request",
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": round((time.perf_counter() - start) * 1000, 2),
                },
            )


class SecurityHeadersMiddleware:
    """Headers Django does not set itself; answers about a child are never cached."""

    PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS)
        if not request.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response


class CookieMessageMiddleware:
    """The cookie banner's confirmation shows once: clear its one-shot cookie."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if cookies.MESSAGE in request.COOKIES and response.status_code == 200:
            response.delete_cookie(cookies.MESSAGE)
        return response


class ExpiredSessionsMiddleware:
    """Delete expired journeys from the database every few minutes.

    Django leaves expired sessions in the table until `clearsessions` runs; a journey
    holds what a practitioner wrote about a child, so it must not outlive its 30 minutes.
    """

    INTERVAL = 300.0  # seconds between purges, per process

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self._lock = threading.Lock()
        self._next = 0.0

    def __call__(self, request: HttpRequest) -> HttpResponse:
        now = time.monotonic()
        if now >= self._next and self._lock.acquire(blocking=False):
            try:
                self._next = now + self.INTERVAL
                purge_expired_sessions()
            finally:
                self._lock.release()
        return self.get_response(request)


def purge_expired_sessions() -> int:
    try:
        deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    except DatabaseError:  # the health check reports a broken database; pages still try
        logging.getLogger("righthelp.web").warning("could not purge expired sessions")
        return 0
    return deleted
