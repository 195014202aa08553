"""CSRF protection that works with `Referrer-Policy: no-referrer`.

With that policy a browser sends a same-origin form POST with `Origin: null` and no
`Referer`, so Django's origin check (and, over HTTPS, its strict Referer check) would
refuse every form. Browsers also send `Sec-Fetch-Site`, which pages cannot set or forge:
"same-origin" proves what Origin and Referer would have. Only then are those checks
relaxed; the CSRF token is always checked, and any other request is checked as Django
checks it.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.csrf import CsrfViewMiddleware as DjangoCsrfViewMiddleware


def _same_origin_by_fetch_metadata(request: HttpRequest) -> bool:
    return request.META.get("HTTP_SEC_FETCH_SITE") == "same-origin"


class CsrfViewMiddleware(DjangoCsrfViewMiddleware):
    def _origin_verified(self, request: HttpRequest) -> bool:
        if request.META.get("HTTP_ORIGIN") == "null" and _same_origin_by_fetch_metadata(request):
            return True
        return bool(super()._origin_verified(request))  # type: ignore[misc]  # private in stubs

    def _check_referer(self, request: HttpRequest) -> None:
        if "HTTP_REFERER" not in request.META and _same_origin_by_fetch_metadata(request):
            return
        super()._check_referer(request)  # type: ignore[misc]  # private in the stubs
