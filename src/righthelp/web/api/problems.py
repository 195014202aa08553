"""RFC 9457 problem details: every API error is application/problem+json.

{"type": "about:blank", "title": <the status phrase>, "status": 422, "detail": "...",
 "errors": [{"field": "age", "location": "body", "pointer": "#/age", "detail": "..."}]}
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse

PROBLEM_TYPE = "application/problem+json"


def problem(
    status: int,
    title: str | None = None,
    detail: str | None = None,
    errors: Iterable[dict[str, Any]] | None = None,
    instance: str | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail or HTTPStatus(status).description,
    }
    if instance:
        body["instance"] = instance
    if errors is not None:
        body["errors"] = list(errors)
    response = HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_TYPE
    )
    return response


def field_error(loc: Iterable[Any], detail: str) -> dict[str, Any]:
    """One entry of `errors` from a location such as ("body", "payload", "age", 0)."""
    parts = list(loc)
    where = "body"
    if parts and parts[0] in ("body", "query", "path", "header", "cookie"):
        where = parts.pop(0)
    if where == "body" and parts and parts[0] == "payload":
        parts.pop(0)
    field = ""
    for part in parts:
        field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
    pointer = "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)
    return {"field": field or where, "location": where, "pointer": pointer, "detail": detail}


class ApiProblemMiddleware:
    """Any error under /api/ that is not already a problem (a 405 from the router, a 404
    from Django) becomes one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith(PROBLEM_TYPE)
        ):
            converted = problem(response.status_code, instance=request.path)
            if response.has_header("Allow"):
                converted["Allow"] = response["Allow"]
            return converted
        return response
