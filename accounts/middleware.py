"""Authenticate API requests that carry `Authorization: Bearer TOKEN`."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import ApiToken

LAST_USED_STEP = timedelta(minutes=1)


class BearerTokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        request.token_authenticated = False
        request.bearer_token_invalid = False
        if header.startswith("Bearer "):
            raw = header.removeprefix("Bearer ").strip()
            token = (
                ApiToken.objects.active()
                .select_related("user")
                .filter(digest=ApiToken.digest_of(raw), user__is_active=True)
                .first()
            )
            if token is None:
                request.bearer_token_invalid = True
            else:
                request.user = token.user
                request.token_authenticated = True
                # A token request carries no cookie, so there is nothing to forge: skip CSRF.
                request._dont_enforce_csrf_checks = True
                # "Last used" to the minute: no database write on every request (a long
                # poll and its retries would otherwise each write a row).
                now = timezone.now()
                if token.last_used_at is None or now - token.last_used_at >= LAST_USED_STEP:
                    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return self.get_response(request)
