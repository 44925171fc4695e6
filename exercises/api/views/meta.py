from django.http import HttpRequest, JsonResponse
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt

from exercises.api.http import (
    Auth,
    api_view,
    authenticate_bearer,
    error_response,
    json_response,
)


@api_view("GET", auth=Auth.PUBLIC)
def openapi(request: HttpRequest) -> JsonResponse:
    from exercises.api.openapi import openapi_document  # it imports the routes, hence views

    return json_response(openapi_document(server_url=request.build_absolute_uri("/")))


@csrf_exempt  # it changes nothing; a POST to a wrong path must still get a JSON answer
def not_found(request: HttpRequest, path: str = "") -> JsonResponse:
    """Any other path under /api/: a JSON 404 (with a hint when only the slash is missing)."""
    if not authenticate_bearer(request):
        return error_response(401, "invalid or revoked API token")
    extra = {}
    if not request.path.endswith("/"):
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "not_found":
            extra["hint"] = f"did you mean {request.path}/ ?"
    return error_response(404, f"no API endpoint at {request.path}", **extra)


not_found.api_auth = Auth.PUBLIC  # the catch-all, declared like every route
