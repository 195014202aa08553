"""Context for every page: the cookie banner's state and the service navigation."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from righthelp.web import cookies


def site(request: HttpRequest) -> dict[str, Any]:
    path = request.path
    sections = (
        ("Check a concern", "/", path == "/" or path.startswith("/check/")),
        ("Frameworks", "/frameworks/", path.startswith("/frameworks/")),
        ("Compare partnerships", "/compare/", path.startswith("/compare/")),
    )
    navigation = [
        {"text": text, "href": href, "active": active, "current": path == href}
        for text, href, active in sections
    ]
    return {
        "service_name": "RightHelp",
        "navigation": navigation,
        "cookie_banner": cookies.banner_state(request),
        "current_path": path,
        "debug": settings.DEBUG,
    }
