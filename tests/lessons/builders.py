"""Small course-shaped data sets for page tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone

from exercises.models import Exercise, Progress, Submission
from lessons.models import Course, Lesson, LessonCompletion, Stage
from tests.factories import CourseFactory, ExerciseFactory, LessonFactory, StageFactory


@dataclass
class Built:
    course: Course
    stages: list[Stage] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)


def build_course(
    *,
    stages: int = 2,
    lessons_per_stage: int = 2,
    exercises_per_lesson: int = 1,
    loose_per_stage: int = 1,
    **course_fields,
) -> Built:
    """A course whose stages each hold lessons (with exercises) and exercises of their own."""
    course = CourseFactory(**course_fields)
    built = Built(course=course)
    for s in range(stages):
        stage = StageFactory(course=course, order=(s + 1) * 10, title=f"Stage {s + 1}")
        built.stages.append(stage)
        for lesson_index in range(lessons_per_stage):
            lesson = LessonFactory(
                stage=stage,
                course=course,
                order=(lesson_index + 1) * 10,
                title=f"Lesson {s + 1}.{lesson_index + 1}",
                slug=f"lesson-{s + 1}-{lesson_index + 1}",
            )
            built.lessons.append(lesson)
            for e in range(exercises_per_lesson):
                built.exercises.append(
                    ExerciseFactory(
                        stage=stage,
                        lesson=lesson,
                        order=(lesson_index + 1) * 10 + e,
                        title=f"Exercise {s + 1}.{lesson_index + 1}.{e + 1}",
                    )
                )
        for e in range(loose_per_stage):
            built.exercises.append(
                ExerciseFactory(
                    stage=stage, lesson=None, order=900 + e, title=f"Project {s + 1}.{e + 1}"
                )
            )
    return built


def solve(learner, exercise, *, score: float = 1.0) -> Progress:
    """Record a graded submit for `learner` (and its progress), as the grader would."""
    now = timezone.now()
    Submission.objects.create(
        learner=learner,
        exercise=exercise,
        source_code="def double(x):\n    return 2 * x\n",
        status=Submission.Status.DONE,
        score=score,
        verdict=Submission.Verdict.PASSED if score >= 1 else Submission.Verdict.FAILED,
        graded_at=now,
    )
    progress, _ = Progress.objects.update_or_create(
        learner=learner,
        exercise=exercise,
        defaults={
            "attempts": 1,
            "best_score": score,
            "last_attempt_at": now,
            "solved_at": now if score >= 1 else None,
        },
    )
    return progress


def complete(learner, lesson) -> LessonCompletion:
    return LessonCompletion.objects.create(learner=learner, lesson=lesson)
