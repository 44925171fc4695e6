"""Who may call the API: bearer tokens, sessions (with CSRF on writes), nobody else."""

import json

import pytest
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.utils import timezone

from accounts.models import ApiToken
from exercises.api.http import Auth
from exercises.api.routes import ROUTES
from exercises.models import Submission
from tests.api.conftest import ApiClient, session_client

pytestmark = pytest.mark.django_db

PROTECTED = [
    (operation.method, route.path)
    for route in ROUTES
    for operation in route.operations
    if route.view.api_auth is Auth.LEARNER
]
SAMPLE_ARGS = {"slug": "double", "course": "mini", "pk": "1", "position": "1"}


def _url(path: str) -> str:
    for name, value in SAMPLE_ARGS.items():
        for converter in ("slug", "int"):
            path = path.replace(f"<{converter}:{name}>", value)
    return "/api/" + path


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_every_protected_endpoint_answers_401_json_without_credentials(course, anon, method, path):
    response = getattr(anon, method)(_url(path))

    assert response.status_code == 401
    assert response.json()["error"].startswith("authentication required")
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_an_invalid_token_is_401_even_with_a_valid_session(course, api_user, method, path):
    client = session_client(api_user, HTTP_AUTHORIZATION="Bearer cp_not-a-real-token")

    response = getattr(client, method)(_url(path))

    assert response.status_code == 401
    assert response.json() == {"error": "invalid or revoked API token"}


def test_a_bearer_token_authenticates_and_records_its_use(course, api, api_user):
    response = api.get("/api/progress/")

    assert response.status_code == 200
    assert ApiToken.objects.get(user=api_user).last_used_at is not None


def test_a_revoked_token_is_401(course, api, api_user):
    ApiToken.objects.filter(user=api_user).update(revoked_at=timezone.now())

    response = api.get("/api/courses/")

    assert response.status_code == 401


def test_a_session_authenticates_reads(course, session_api):
    response = session_api.get("/api/courses/mini/")

    assert response.status_code == 200 and response.json()["slug"] == "mini"


def test_session_writes_need_the_csrf_token(course, session_api, api_user):
    response = session_api.post_json(
        "/api/exercises/double/submissions/", {"source_code": "def double(x):\n    return x\n"}
    )

    assert response.status_code == 403
    assert response.json()["error"].startswith("CSRF check failed")
    assert not Submission.objects.exists()


def test_session_writes_with_the_csrf_token_are_accepted(course, session_api, api_user):
    request = RequestFactory().get("/")
    csrf = get_token(request)
    session_api.cookies["csrftoken"] = request.META["CSRF_COOKIE"]

    response = session_api.post_json(
        "/api/exercises/double/submissions/",
        {"source_code": "def double(x):\n    return x\n"},
        HTTP_X_CSRFTOKEN=csrf,
    )

    assert response.status_code == 202
    assert Submission.objects.get().learner == api_user


def test_token_writes_need_no_csrf_token(course, token):
    client = ApiClient(HTTP_AUTHORIZATION=f"Bearer {token}", enforce_csrf_checks=True)

    response = client.post_json(
        "/api/exercises/double/submissions/", {"source_code": "def double(x):\n    return x\n"}
    )

    assert response.status_code == 202


def test_the_schema_is_public(anon):
    response = anon.get("/api/openapi.json")

    assert response.status_code == 200 and response.json()["openapi"] == "3.1.0"


def test_an_invalid_token_is_401_on_public_and_unknown_paths_too(db):
    client = ApiClient(HTTP_AUTHORIZATION="Bearer nope")

    assert client.get("/api/openapi.json").status_code == 401
    assert client.get("/api/no/such/thing/").status_code == 401


def test_a_wrong_method_is_405_json_with_allow(course, api):
    response = api.delete("/api/courses/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert json.loads(response.content)["allowed"] == ["GET"]


def test_an_inactive_users_token_is_rejected(course, api, api_user):
    api_user.is_active = False
    api_user.save()

    assert api.get("/api/courses/").status_code == 401
