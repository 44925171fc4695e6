"""Reads for lessons: published courses and lessons, order across a course, completions."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet

from lessons.models import Course, Lesson, LessonCompletion, LessonFigure


def courses_published() -> QuerySet[Course]:
    """Return the courses a visitor may browse, in title order."""
    return Course.objects.published()


def lesson_published_in(*, course: Course, slug: str) -> Lesson:
    """Return a published lesson of `course` with its stage; raise Lesson.DoesNotExist."""
    return Lesson.objects.published().select_related("stage").get(course=course, slug=slug)


def courses_visible_to(viewer: AbstractBaseUser) -> QuerySet[Course]:
    """Return the courses `viewer` may open: the published ones; every one for staff."""
    return Course.objects.all() if viewer.is_staff else courses_published()


def lesson_visible_in(*, course: Course, slug: str, viewer: AbstractBaseUser) -> Lesson:
    """Return a lesson of `course` that `viewer` may read (staff: unpublished ones too, to
    preview them); raise Lesson.DoesNotExist."""
    lessons = Lesson.objects.all() if viewer.is_staff else Lesson.objects.published()
    return lessons.select_related("stage").get(course=course, slug=slug)


@dataclass(frozen=True)
class LessonLink:
    slug: str
    title: str
    stage_title: str


def lesson_neighbours(*, lesson: Lesson) -> tuple[LessonLink | None, LessonLink | None]:
    """Return the published lessons before and after `lesson` across its whole course.

    One query whatever the course's size: only the columns for the links are read.
    """
    rows = list(
        Lesson.objects.published()
        .filter(course_id=lesson.course_id)
        .order_by("stage__order", "stage__pk", "order", "pk")
        .values_list("pk", "slug", "title", "stage__title")
    )
    ids = [row[0] for row in rows]
    try:
        index = ids.index(lesson.pk)
    except ValueError:
        return None, None
    links = [
        LessonLink(slug=slug, title=title, stage_title=stage) for _, slug, title, stage in rows
    ]
    previous = links[index - 1] if index > 0 else None
    following = links[index + 1] if index + 1 < len(links) else None
    return previous, following


def lesson_is_completed(*, learner: AbstractBaseUser, lesson: Lesson) -> bool:
    """Tell whether `learner` marked `lesson` complete (False for anonymous visitors)."""
    if not learner.is_authenticated:
        return False
    return LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


def lesson_figure_of(*, lesson: Lesson, name: str) -> LessonFigure:
    """Return the figure `name` of `lesson`; raise LessonFigure.DoesNotExist."""
    return LessonFigure.objects.get(lesson=lesson, name=name)
