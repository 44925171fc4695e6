from pathlib import Path

from django.http import HttpRequest, HttpResponse

from exercises.api.http import Auth, api_view

CLIENT = Path(__file__).resolve().parents[3] / "courseplatform" / "client.py"


@api_view("GET", auth=Auth.PUBLIC)
def client_script(request: HttpRequest) -> HttpResponse:
    # Learners copy this one stdlib-only file instead of installing the whole platform.
    response = HttpResponse(CLIENT.read_bytes(), content_type="text/x-python; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="client.py"'
    return response
