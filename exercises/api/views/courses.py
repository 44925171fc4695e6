from django.http import HttpRequest, JsonResponse

from exercises.api import selectors, serialize
from exercises.api.http import Auth, api_view, json_response


@api_view("GET", auth=Auth.LEARNER)
def course_list(request: HttpRequest) -> JsonResponse:
    courses = selectors.courses_published()
    return json_response(
        {"results": [serialize.course_summary(request, course) for course in courses]}
    )


@api_view("GET", auth=Auth.LEARNER)
def course_detail(request: HttpRequest, slug: str) -> JsonResponse:
    course, stages = selectors.course_tree(slug=slug)
    return json_response(serialize.course_detail(request, course, stages))
