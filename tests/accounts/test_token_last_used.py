"""A token's "last used" time is kept to the minute, without a write on every request."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import ApiToken
from accounts.services import token_create
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]


def test_a_token_request_writes_last_used_once_a_minute_not_every_time(client, settings):
    settings.SECURE_SSL_REDIRECT = False
    token, raw = token_create(user=UserFactory(), name="laptop")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    with CaptureQueriesContext(connection) as first:
        assert client.get("/api/courses/", **headers).status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get("/api/courses/", **headers).status_code == 200

    assert len(writes(first.captured_queries)) == 1
    assert writes(second.captured_queries) == []
    token.refresh_from_db()
    assert timezone.now() - token.last_used_at < timedelta(minutes=1)

    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - timedelta(minutes=5))
    with CaptureQueriesContext(connection) as later:
        client.get("/api/courses/", **headers)
    assert len(writes(later.captured_queries)) == 1
