"""Writes for lessons: learners marking lessons complete, and a lesson's figures."""

from __future__ import annotations

import hashlib

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from lessons.figures import figure_check
from lessons.models import Lesson, LessonCompletion, LessonFigure


def lesson_complete(*, learner: AbstractBaseUser, lesson: Lesson) -> LessonCompletion:
    """Mark `lesson` complete for `learner`; idempotent."""
    completion, _ = LessonCompletion.objects.get_or_create(learner=learner, lesson=lesson)
    return completion


def lesson_uncomplete(*, learner: AbstractBaseUser, lesson: Lesson) -> None:
    """Undo `lesson_complete`; idempotent."""
    LessonCompletion.objects.filter(learner=learner, lesson=lesson).delete()


def lesson_figure_store(*, lesson: Lesson, name: str, data: bytes) -> tuple[LessonFigure, bool]:
    """Check and store one figure of `lesson`; return it and whether anything was written.

    Raises `lessons.figures.FigureError` (and writes nothing) for a figure that fails the
    checks. Storing the same bytes again writes nothing.
    """
    info = figure_check(name, data)
    digest = hashlib.sha256(data).hexdigest()
    figure = LessonFigure.objects.filter(lesson=lesson, name=name).first()
    if figure is not None and figure.sha256 == digest:
        return figure, False
    figure = figure or LessonFigure(lesson=lesson, name=name)
    figure.content = data
    figure.sha256 = digest
    figure.content_type = info.content_type
    figure.width, figure.height = info.width, info.height
    figure.save()
    return figure, True


def lesson_figures_sync(*, lesson: Lesson, figures: dict[str, bytes]) -> int:
    """Make `lesson`'s stored figures exactly `figures` (name → bytes); return rows written.

    Figures are derived from the course folder, so one the folder no longer has is deleted
    (no learner data hangs off a figure). Idempotent.
    """
    written = 0
    with transaction.atomic():
        for name, data in sorted(figures.items()):
            written += lesson_figure_store(lesson=lesson, name=name, data=data)[1]
        stale = set(lesson.figures.values_list("name", flat=True)) - set(figures)
        if stale:  # no DELETE at all when nothing changed: a reload writes nothing
            written += LessonFigure.objects.filter(lesson=lesson, name__in=stale).delete()[0]
    return written
