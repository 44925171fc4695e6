"""/api/openapi.json describes every route the urlconf serves under /api/."""

import json
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from exercises.api.openapi import PARAM_RE, openapi_document
from exercises.api.routes import ROUTES
from tests.api.conftest import document

pytestmark = pytest.mark.django_db


def _api_patterns(patterns=None, prefix: str = ""):
    """(full route, view) of every pattern in the whole urlconf whose path is under api/."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _api_patterns(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and route.startswith("api/"):
            yield route, pattern


def _openapi_path(route: str) -> str:
    return "/" + PARAM_RE.sub(lambda m: "{" + m.group("name") + "}", route)


def test_every_api_url_in_the_urlconf_is_in_the_schema_with_its_methods():
    paths = document()["paths"]
    served = [(route, p) for route, p in _api_patterns() if p.name != "not_found"]

    assert len(served) == len(ROUTES) >= 9
    for route, pattern in served:
        item = paths.get(_openapi_path(route))
        assert item is not None, f"/{route} is served but not in the schema"
        documented = {method.upper() for method in item if method != "parameters"}
        assert documented == set(pattern.callback.api_methods), route


def test_the_catch_all_is_the_only_undocumented_pattern_and_the_description_says_so():
    undocumented = [
        p.name for route, p in _api_patterns() if _openapi_path(route) not in document()["paths"]
    ]

    assert undocumented == ["not_found"]
    assert "answers 404" in document()["info"]["description"]


def test_every_path_parameter_and_reference_is_declared():
    doc = document()
    for path, item in doc["paths"].items():
        declared = {p["name"] for p in item.get("parameters", [])}
        assert declared == set(re.findall(r"\{(\w+)\}", path)), path
        for operation in (v for k, v in item.items() if k != "parameters"):
            assert operation["operationId"] and operation["summary"]
            assert "default" in operation["responses"]
    references = set()

    def walk(node):
        if isinstance(node, dict):
            if "$ref" in node:
                references.add(node["$ref"].removeprefix("#/components/schemas/"))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(doc)
    assert references <= set(doc["components"]["schemas"])


def test_every_operation_has_a_unique_id():
    ids = [
        op["operationId"]
        for item in document()["paths"].values()
        for key, op in item.items()
        if key != "parameters"
    ]

    assert len(ids) == len(set(ids))


def test_the_served_document_is_the_generated_one_with_this_server(anon):
    response = anon.get("/api/openapi.json")

    served = response.json()
    assert served["servers"] == [{"url": "http://testserver"}]
    assert {k: v for k, v in served.items() if k != "servers"} == json.loads(
        json.dumps(openapi_document())
    )


def test_the_submission_body_schema_is_the_one_the_view_enforces():
    body = document()["components"]["schemas"]["SubmissionCreate"]

    assert set(body["properties"]) == {"source_code", "mode"}
    assert body["required"] == ["source_code"] and body["additionalProperties"] is False
    assert body["properties"]["mode"]["enum"] == ["submit", "run"]
