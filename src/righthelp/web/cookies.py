"""Cookies beyond the strictly necessary ones, set only with consent.

Strictly necessary: the session (a journey's answers, 30 minutes) and the CSRF token.
With consent ("additional cookies"): remembering the partnership last chosen, for a year.
The choice itself is kept in a cookie, and a one-shot cookie shows the confirmation once.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from righthelp.framework.loader import pack_ids

POLICY = "righthelp_cookies_policy"
PARTNERSHIP = "righthelp_partnership"
MESSAGE = "righthelp_cookies_message"
YEAR = 365 * 24 * 3600
ACCEPTED = "accepted"
REJECTED = "rejected"


def policy(request: HttpRequest) -> str | None:
    value = request.COOKIES.get(POLICY)
    return value if value in (ACCEPTED, REJECTED) else None


def banner_state(request: HttpRequest) -> str | None:
    """ "ask" until a choice is made; then, once, "accepted" or "rejected"; then None."""
    if request.path.startswith("/cookies"):  # the cookies page has the full form
        return None
    chosen = policy(request)
    if chosen is None:
        return "ask"
    message = request.COOKIES.get(MESSAGE)
    return message if message in (ACCEPTED, REJECTED) else None


def set_policy(response: HttpResponse, choice: str, secure: bool, confirm: bool) -> None:
    response.set_cookie(POLICY, choice, max_age=YEAR, secure=secure, httponly=True, samesite="Lax")
    if confirm:
        response.set_cookie(MESSAGE, choice, max_age=120, secure=secure, httponly=True)
    if choice == REJECTED:
        response.delete_cookie(PARTNERSHIP)


def clear_message(request: HttpRequest, response: HttpResponse) -> None:
    if MESSAGE in request.COOKIES:
        response.delete_cookie(MESSAGE)


def remembered_partnership(request: HttpRequest) -> str | None:
    if policy(request) != ACCEPTED:
        return None
    value = request.COOKIES.get(PARTNERSHIP)
    return value if value in pack_ids() else None


def remember_partnership(
    request: HttpRequest, response: HttpResponse, pack_id: str, secure: bool
) -> None:
    if policy(request) == ACCEPTED:
        response.set_cookie(
            PARTNERSHIP, pack_id, max_age=YEAR, secure=secure, httponly=True, samesite="Lax"
        )
