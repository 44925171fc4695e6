"""Every route's authentication is declared, and a token works only where it is declared.

The table below is the review's single list of who may call what: a new API route fails
these tests until its authentication is written down here too (issue 8, items 1 and 8).
"""

import re

import pytest
from django.urls import URLResolver, get_resolver

from exercises.api.http import Auth
from exercises.api.openapi import openapi_path
from exercises.api.routes import ROUTES
from tests.api.conftest import document
from tests.factories import StaffFactory
from tests.lessons.web import web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

DECLARED = {
    "openapi": Auth.PUBLIC,
    "client_script": Auth.PUBLIC,
    "not_found": Auth.PUBLIC,
    "course_list": Auth.LEARNER,
    "course_detail": Auth.LEARNER,
    "lesson_detail": Auth.LEARNER,
    "exercise_detail": Auth.LEARNER,
    "submission_create": Auth.LEARNER,
    "submission_list": Auth.LEARNER,
    "submission_detail": Auth.LEARNER,
    "progress": Auth.LEARNER,
    "lesson_run_create": Auth.LEARNER,
    "lesson_run_detail": Auth.LEARNER,
    "lesson_run_figure": Auth.LEARNER,
}
SAMPLES = {
    "slug": "double",
    "course": "mini",
    "course_slug": "mini",
    "lesson_slug": "basics",
    "pk": "1",
    "id": "1",
    "object_id": "1",
    "content_type_id": "1",
    "token_id": "1",
    "uidb64": "MQ",
    "token": "set-password",
    "app_label": "auth",
    "url": "nowhere/",
    "path": "nowhere/",
    "name": "figure.png",  # a lesson figure (lessons:lesson_figure)
    "position": "1",  # a lesson run's figure
}


def _walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(
                pattern.url_patterns, prefix + str(pattern.pattern), pattern.namespace or namespace
            )
        else:
            yield prefix + str(pattern.pattern), namespace, pattern


def _concrete(route: str) -> str:
    """`exercises/<slug:slug>/` → `/exercises/double/`; regex groups get sample values too."""
    route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: SAMPLES[m.group(1)], route)
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: SAMPLES[m.group(1)], route)
    return "/" + route.replace("^", "").replace("$", "")


ALL_PATTERNS = list(_walk(get_resolver().url_patterns))
API = [(route, pattern) for route, namespace, pattern in ALL_PATTERNS if namespace == "api"]
PAGES = [(route, pattern) for route, namespace, pattern in ALL_PATTERNS if namespace != "api"]


def test_every_api_route_declares_its_authentication_and_matches_the_table():
    declared = {pattern.name: getattr(pattern.callback, "api_auth", None) for _, pattern in API}

    assert declared == DECLARED


def test_the_route_table_and_the_urlconf_list_the_same_api_views():
    served = {pattern.name for _, pattern in API} - {"not_found"}

    assert served == {route.name for route in ROUTES}


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.name)
def test_the_openapi_document_states_each_routes_authentication(route):
    item = document()["paths"][openapi_path(route)]

    for operation in route.operations:
        public = item[operation.method].get("security") == []
        assert public is (DECLARED[route.name] is Auth.PUBLIC)


@pytest.fixture
def instructor_token():
    from accounts.services import token_create

    user = StaffFactory(username="instructor")
    user.save()
    return token_create(user=user, name="cli")[1]


@pytest.mark.parametrize(("route", "pattern"), API, ids=[route for route, _ in API])
def test_a_token_authenticates_each_api_route_that_asks_for_one(
    client, instructor_token, route, pattern
):
    method = "post" if pattern.name in ("submission_create", "lesson_run_create") else "get"

    response = getattr(client, method)(
        _concrete(route), HTTP_AUTHORIZATION=f"Bearer {instructor_token}"
    )
    anonymous = getattr(client, method)(_concrete(route))

    assert response.status_code != 401
    if DECLARED[pattern.name] is Auth.LEARNER:
        assert response.wsgi_request.user.username == "instructor"
        assert anonymous.status_code == 401
    else:
        assert anonymous.status_code != 401


@pytest.mark.parametrize(("route", "pattern"), PAGES, ids=[route for route, _ in PAGES])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_token_is_anonymous_on_every_page_and_in_the_admin(
    client, instructor_token, route, pattern, method
):
    # A superuser's token: if any page honoured it, that page would see a superuser.
    response = getattr(client, method)(
        _concrete(route), HTTP_AUTHORIZATION=f"Bearer {instructor_token}"
    )

    assert response.status_code < 500
    assert not response.wsgi_request.user.is_authenticated, response.status_code
