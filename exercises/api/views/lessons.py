from django.http import HttpRequest, JsonResponse

from exercises.api import selectors, serialize
from exercises.api.http import Auth, api_view, json_response
from lessons.models import LessonCompletion


@api_view("GET", auth=Auth.LEARNER)
def lesson_detail(request: HttpRequest, course: str, slug: str) -> JsonResponse:
    lesson = selectors.lesson_published(course_slug=course, slug=slug)
    exercises = list(selectors.lesson_exercises(lesson=lesson))
    completed = LessonCompletion.objects.filter(learner=request.user, lesson=lesson).exists()
    return json_response(serialize.lesson_detail(request, lesson, exercises, completed))
