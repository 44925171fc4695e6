"""Pages for browsing courses and reading lessons. Anyone may read; progress needs login."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from exercises.selectors import (
    course_cards,
    course_roadmap,
    lesson_exercise_entries,
    lesson_placed_exercise_entries,
)
from lessons.forms import LessonCompletionForm
from lessons.markdown import exercise_slot_slugs, render_markdown
from lessons.models import Lesson, LessonFigure
from lessons.selectors import (
    courses_visible_to,
    lesson_figure_of,
    lesson_is_completed,
    lesson_neighbours,
    lesson_visible_in,
)
from lessons.services import lesson_complete, lesson_uncomplete


@require_safe
def course_list(request: HttpRequest) -> HttpResponse:
    cards = course_cards(learner=request.user)
    return render(request, "lessons/course_list.html", {"cards": cards})


@require_safe
def course_detail(request: HttpRequest, course_slug: str) -> HttpResponse:
    # Staff may open an unpublished course to preview it (the page says so); learners 404.
    course = get_object_or_404(courses_visible_to(request.user), slug=course_slug)
    roadmap = course_roadmap(course=course, learner=request.user)
    return render(request, "lessons/course_detail.html", {"course": course, "roadmap": roadmap})


def _lesson_or_404(request: HttpRequest, course_slug: str, lesson_slug: str) -> Lesson:
    course = get_object_or_404(courses_visible_to(request.user), slug=course_slug)
    try:
        return lesson_visible_in(course=course, slug=lesson_slug, viewer=request.user)
    except Lesson.DoesNotExist:
        raise Http404("No such lesson.") from None


@require_safe
def lesson_detail(request: HttpRequest, course_slug: str, lesson_slug: str) -> HttpResponse:
    lesson = _lesson_or_404(request, course_slug, lesson_slug)
    previous, following = lesson_neighbours(lesson=lesson)
    body = render_markdown(lesson.body)  # once: the cards to place are read from it too
    context = {
        "course": lesson.course,
        "lesson": lesson,
        "body": body,
        "previous": previous,
        "next": following,
        "completed": lesson_is_completed(learner=request.user, lesson=lesson),
        "exercises": lesson_exercise_entries(lesson=lesson, learner=request.user),
        "run_max_bytes": settings.LESSON_RUN_MAX_BYTES,
        "placed_exercises": lesson_placed_exercise_entries(
            lesson=lesson, slugs=exercise_slot_slugs(body), learner=request.user
        ),
    }
    return render(request, "lessons/lesson_detail.html", context)


@require_POST
def lesson_completion(request: HttpRequest, course_slug: str, lesson_slug: str) -> HttpResponse:
    lesson = _lesson_or_404(request, course_slug, lesson_slug)
    lesson_url = reverse("lessons:lesson_detail", args=[course_slug, lesson_slug])
    if not request.user.is_authenticated:
        # Back to the lesson after logging in: this URL only answers POST.
        return redirect_to_login(lesson_url)
    form = LessonCompletionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That request could not be understood; nothing was changed.")
        return redirect(lesson_url)
    if form.cleaned_data["completed"]:
        lesson_complete(learner=request.user, lesson=lesson)
        messages.success(request, f"“{lesson.title}” is marked as complete.")
        following = lesson_neighbours(lesson=lesson)[1]
        if following is not None and form.cleaned_data["continue_to_next"]:
            return redirect("lessons:lesson_detail", course_slug, following.slug)
    else:
        lesson_uncomplete(learner=request.user, lesson=lesson)
        messages.info(request, f"“{lesson.title}” is no longer marked as complete.")
    return redirect(lesson_url)


# A figure is an image, never a document: even an SVG opened on its own runs nothing.
FIGURE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"


@require_safe
def lesson_figure(
    request: HttpRequest, course_slug: str, lesson_slug: str, name: str
) -> HttpResponse:
    lesson = _lesson_or_404(request, course_slug, lesson_slug)
    try:
        figure = lesson_figure_of(lesson=lesson, name=name)
    except LessonFigure.DoesNotExist:
        raise Http404("No such figure.") from None
    etag = f'"{figure.sha256}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(bytes(figure.content), content_type=figure.content_type)
    response["ETag"] = etag
    # Short-lived, then revalidated by ETag: the URL stays the same when a figure changes.
    response["Cache-Control"] = "public, max-age=300"
    response["Content-Security-Policy"] = FIGURE_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response
