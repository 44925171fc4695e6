"""Build the OpenAPI 3.1 document from ROUTES (the same description the urlconf is built
from) and the body schemas in components.py."""

from __future__ import annotations

import re
from functools import lru_cache

from django.urls import reverse

from exercises.api.components import SCHEMAS, ref
from exercises.api.http import Auth
from exercises.api.routes import ROUTES, Operation, Route

CONVERTER_SCHEMAS = {
    "slug": {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"},
    "int": {"type": "integer", "minimum": 0},
    "str": {"type": "string"},
}
PARAM_RE = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
ERRORS = {
    400: "Malformed request: the error names the problem (and `field`).",
    401: "Not authenticated, or an invalid or revoked bearer token.",
    403: "CSRF check failed: a session-authenticated write without a valid CSRF token.",
    404: "No such object, or not yours.",
    409: "A training run of this exercise by you is still being graded: wait for its verdict.",
    413: "The source code (or the request body) is too large.",
    429: "Too many submissions: wait `Retry-After` seconds.",
}
DESCRIPTION = """\
The course platform's JSON API. Authenticate with `Authorization: Bearer TOKEN` (create a
token with `manage.py createtoken USERNAME`) or with the web session (writes then need the
CSRF token in `X-CSRFToken`). Every error is JSON: `{"error": "..."}`; any path under
/api/ that is not listed here answers 404 in that form.
"""


def openapi_path(route: Route) -> str:
    """`submissions/<int:pk>/` → `/api/submissions/{pk}/`."""
    prefix = reverse("api:openapi").removesuffix("openapi.json")
    return prefix + PARAM_RE.sub(lambda m: "{" + m.group("name") + "}", route.path)


def openapi_document(*, server_url: str | None = None) -> dict:
    """Return the OpenAPI 3.1 document describing every route in ROUTES."""
    document = dict(_document())
    if server_url:
        document["servers"] = [{"url": server_url.rstrip("/")}]
    return document


@lru_cache(maxsize=1)
def _document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "courseplatform API", "version": "1", "description": DESCRIPTION},
        "paths": {openapi_path(route): _path_item(route) for route in ROUTES},
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A personal API token (cp_...).",
                },
                "sessionAuth": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            },
        },
        "security": [{"bearerAuth": []}, {"sessionAuth": []}],
    }


def _path_item(route: Route) -> dict:
    item: dict = {}
    params = [
        {
            "name": match.group("name"),
            "in": "path",
            "required": True,
            "description": route.path_params[match.group("name")],
            "schema": CONVERTER_SCHEMAS[match.group("converter") or "str"],
        }
        for match in PARAM_RE.finditer(route.path)
    ]
    if params:
        item["parameters"] = params
    for operation in route.operations:
        item[operation.method] = _operation(operation, public=route.view.api_auth is Auth.PUBLIC)
    return item


def _operation(operation: Operation, *, public: bool) -> dict:
    if operation.media_type == "application/json":
        content = _json(ref(operation.response))
    else:
        content = {operation.media_type: {"schema": {"type": "string"}}}
    success = {"description": operation.summary, "content": content}
    if operation.headers:
        success["headers"] = {
            name: {"description": text, "schema": {"type": "string"}}
            for name, text in operation.headers.items()
        }
    responses = {str(operation.status): success}
    for status in operation.errors:
        responses[str(status)] = {"description": ERRORS[status], "content": _json(ref("Error"))}
        if status == 429:
            responses["429"]["headers"] = {
                "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}
            }
    responses["default"] = {
        "description": "Any other error (e.g. 405).",
        "content": _json(ref("Error")),
    }
    result = {
        "operationId": operation.operation_id,
        "summary": operation.summary,
        "responses": responses,
    }
    if operation.description:
        result["description"] = operation.description
    if operation.query:
        result["parameters"] = [
            {
                "name": p.name,
                "in": "query",
                "required": p.required,
                "description": p.description,
                "schema": p.schema,
            }
            for p in operation.query
        ]
    if operation.body:
        result["requestBody"] = {"required": True, "content": _json(ref(operation.body))}
    if public:
        result["security"] = []
    return result


def _json(schema: dict) -> dict:
    return {"application/json": {"schema": schema}}
