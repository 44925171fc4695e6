from django.http import HttpRequest, JsonResponse

from exercises.api import selectors, serialize
from exercises.api.http import ApiError, Auth, api_view, json_response


@api_view("GET", auth=Auth.LEARNER)
def progress(request: HttpRequest) -> JsonResponse:
    course_slug = request.GET.get("course") or None
    courses = selectors.learner_progress(learner=request.user, course_slug=course_slug)
    if course_slug and not courses:
        raise ApiError(404, f"no published course {course_slug!r}")
    return json_response(
        {
            "courses": [
                {
                    "slug": course.slug,
                    "title": course.title,
                    "stages": [serialize.stage_progress(entry) for entry in stages],
                }
                for course, stages in courses
            ]
        }
    )
