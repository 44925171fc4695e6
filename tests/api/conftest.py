import json
from functools import lru_cache

import pytest
from django.test import Client
from django.urls import resolve

from accounts.services import token_create
from exercises.api.openapi import openapi_document, openapi_path
from exercises.api.routes import ROUTES
from exercises.models import Exercise, KnownWrongSolution
from tests.api.schema_check import problems
from tests.courses.helpers import MINI_COURSE, load
from tests.factories import UserFactory

ROUTES_BY_NAME = {route.name: route for route in ROUTES}
SECRET = "SECRET-MARKER"  # planted in every trusted field; no response may contain it


@lru_cache(maxsize=1)
def document() -> dict:
    return openapi_document()


@pytest.fixture(autouse=True)
def _plain_http(settings):
    # The test client speaks plain HTTP; production redirects that to HTTPS.
    settings.SECURE_SSL_REDIRECT = False
    # Users are created in most tests: skip the deliberately slow production hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def assert_documented(response, method: str | None = None) -> dict:
    """Check a JSON response against the OpenAPI document; return its body."""
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = json.loads(response.content)
    match = resolve(response.request["PATH_INFO"])
    method = (method or response.request["REQUEST_METHOD"]).lower()
    if match.url_name == "not_found" or response.status_code == 405:
        # Undocumented paths and methods: the document's description promises JSON errors.
        schema = {"$ref": "#/components/schemas/Error"}
    else:
        path = openapi_path(ROUTES_BY_NAME[match.url_name])
        responses = document()["paths"][path][method]["responses"]
        entry = responses.get(str(response.status_code)) or responses["default"]
        if response.status_code >= 400:
            assert str(response.status_code) in responses, (
                f"{response.status_code} not documented for {method.upper()} {path}"
            )
        schema = entry["content"]["application/json"]["schema"]
    found = problems(body, schema, document())
    assert not found, found
    return body


class ApiClient(Client):
    """A test client whose every JSON answer is checked against the OpenAPI document."""

    def request(self, **request):
        response = super().request(**request)
        if request.get("REQUEST_METHOD") != "HEAD" and response.get("Content-Type", "").startswith(
            "application/json"
        ):
            assert_documented(response)
        return response

    def post_json(self, path: str, data, **extra):
        body = data if isinstance(data, str | bytes) else json.dumps(data)
        return self.post(path, data=body, content_type="application/json", **extra)


def session_client(user, **defaults) -> "ApiClient":
    """An ApiClient logged in as `user` by session."""
    # UserFactory sets the password after creating the row and skips the save, so the
    # session's auth hash would not match the stored row: save it first.
    user.save()
    client = ApiClient(**defaults)
    client.force_login(user)
    return client


@pytest.fixture
def api_user(db):
    return UserFactory(username="ada")


@pytest.fixture
def token(api_user) -> str:
    return token_create(user=api_user, name="tests")[1]


@pytest.fixture
def api(token) -> ApiClient:
    """Authenticated by bearer token."""
    return ApiClient(HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.fixture
def anon() -> ApiClient:
    return ApiClient()


@pytest.fixture
def session_api(api_user) -> ApiClient:
    """Authenticated by session, with CSRF checks enforced as in a browser."""
    return session_client(api_user, enforce_csrf_checks=True)


@pytest.fixture
def course(db):
    """The mini course (tests/fixtures/mini-course), with SECRET planted in every trusted
    field: reference solutions, cases.py, known-wrong solutions and their hints."""
    load(MINI_COURSE)
    for exercise in Exercise.objects.all():
        exercise.reference_solution += f"\n# {SECRET} reference of {exercise.slug}\n"
        exercise.cases_source += f"\n# {SECRET} cases of {exercise.slug}\n"
        exercise.save()
    KnownWrongSolution.objects.create(
        exercise=Exercise.objects.get(slug="double"),
        name="triple",
        source=f"def double(x):\n    return 3 * x  # {SECRET}\n",
        hint=f"{SECRET} hint",
    )
    for wrong in KnownWrongSolution.objects.all():
        wrong.source += f"\n# {SECRET}\n"
        wrong.hint += f" {SECRET}"
        wrong.save()
    return MINI_COURSE
