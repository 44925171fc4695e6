"""The client's address, for per-address limits (sign-up, login lockout, submissions).

Behind reverse proxies REMOTE_ADDR is the nearest proxy, and X-Forwarded-For lists the
addresses each proxy saw, the client's first. Only the entries added by proxies we run can
be trusted (a client can send any X-Forwarded-For it likes), so TRUSTED_PROXY_COUNT says
how many there are, and the address is the one the outermost trusted proxy received from:
the TRUSTED_PROXY_COUNT-th entry from the right. With 0 (the default) the header is
ignored and REMOTE_ADDR is the client. See docs/deploy.md.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The client's IP address as the trusted proxies (if any) report it."""
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part.strip() for part in forwarded if part.strip()]
    if not forwarded:
        return remote
    # Fewer entries than proxies means a request that did not pass all of them (a health
    # check on an inner proxy): the leftmost entry is the best knowledge there is.
    candidate = forwarded[-trusted] if len(forwarded) >= trusted else forwarded[0]
    return _valid(candidate) or remote
