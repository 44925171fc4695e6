"""Writes for lessons: learners marking lessons complete."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser

from lessons.models import Lesson, LessonCompletion


def lesson_complete(*, learner: AbstractBaseUser, lesson: Lesson) -> LessonCompletion:
    """Mark `lesson` complete for `learner`; idempotent."""
    completion, _ = LessonCompletion.objects.get_or_create(learner=learner, lesson=lesson)
    return completion


def lesson_uncomplete(*, learner: AbstractBaseUser, lesson: Lesson) -> None:
    """Undo `lesson_complete`; idempotent."""
    LessonCompletion.objects.filter(learner=learner, lesson=lesson).delete()
