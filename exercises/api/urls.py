"""The API's urlconf, built from the one description in routes.py."""

from django.urls import path, re_path

from exercises.api.routes import ROUTES
from exercises.api.views.meta import not_found

app_name = "api"
urlpatterns = [path(route.path, route.view, name=route.name) for route in ROUTES] + [
    # Last: every other path under /api/ answers a JSON 404 rather than an HTML page.
    re_path(r"^(?P<path>.*)$", not_found, name="not_found"),
]
