from django.http import HttpRequest, JsonResponse

from exercises.api import selectors, serialize
from exercises.api.http import Auth, api_view, json_response
from exercises.models import Progress


@api_view("GET", auth=Auth.LEARNER)
def exercise_detail(request: HttpRequest, slug: str) -> JsonResponse:
    exercise = selectors.exercise_for_api(slug=slug)
    progress = Progress.objects.filter(learner=request.user, exercise=exercise).first()
    return json_response(serialize.exercise_detail(request, exercise, progress))
