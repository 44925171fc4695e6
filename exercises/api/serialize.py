"""Model rows to the API's JSON objects (their schemas are in exercises/api/components.py).

Each function lists the fields it sends: nothing trusted can slip in by a new model field.
"""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest

from exercises.api.cases import visible_case_names
from exercises.api.http import absolute_url, page_url
from exercises.api.selectors import StageProgress, StageTree
from exercises.models import Exercise, Progress, Submission
from exercises.selectors import submission_public_cases
from lessons.models import Course, Lesson


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def course_summary(request: HttpRequest, course: Course) -> dict:
    return {
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "urls": {
            "self": absolute_url(request, "api:course_detail", course.slug),
            "html": page_url(request, "lessons:course_detail", course.slug),
        },
    }


def course_detail(request: HttpRequest, course: Course, stages: list[StageTree]) -> dict:
    return course_summary(request, course) | {
        "description": course.description,
        "stages": [
            {
                "slug": entry.stage.slug,
                "title": entry.stage.title,
                "summary": entry.stage.summary,
                "lessons": [lesson_summary(request, course, lesson) for lesson in entry.lessons],
                "exercises": [exercise_summary(request, ex) for ex in entry.exercises],
            }
            for entry in stages
        ],
    }


def lesson_summary(request: HttpRequest, course: Course, lesson: Lesson) -> dict:
    return {
        "slug": lesson.slug,
        "title": lesson.title,
        "order": lesson.order,
        "urls": {
            "self": absolute_url(request, "api:lesson_detail", course.slug, lesson.slug),
            "html": page_url(request, "lessons:lesson_detail", course.slug, lesson.slug),
        },
    }


def lesson_detail(
    request: HttpRequest, lesson: Lesson, exercises: list[Exercise], completed: bool
) -> dict:
    return lesson_summary(request, lesson.course, lesson) | {
        "course": lesson.course.slug,
        "stage": lesson.stage.slug,
        "body": lesson.body,
        "completed": completed,
        "exercises": [exercise_summary(request, exercise) for exercise in exercises],
    }


def exercise_summary(request: HttpRequest, exercise: Exercise) -> dict:
    return {
        "slug": exercise.slug,
        "title": exercise.title,
        "kind": exercise.kind,
        "order": exercise.order,
        "lesson": exercise.lesson.slug if exercise.lesson_id else None,
        "urls": {
            "self": absolute_url(request, "api:exercise_detail", exercise.slug),
            "html": page_url(request, "exercises:exercise_detail", exercise.slug),
        },
    }


def exercise_detail(request: HttpRequest, exercise: Exercise, progress: Progress | None) -> dict:
    rtol, atol = exercise.tolerance
    summary = exercise_summary(request, exercise)
    return summary | {
        "course": exercise.stage.course.slug,
        "stage": exercise.stage.slug,
        "entry_point": exercise.entry_point,
        "statement": exercise.statement,
        "starter_code": exercise.starter_code,
        "tolerance": {"rtol": rtol, "atol": atol},
        "limits": {
            "wall_seconds": exercise.wall_seconds,
            "cpu_seconds": exercise.cpu_seconds,
            "memory_mb": exercise.memory_mb,
        },
        "hints": list(exercise.hints),
        "forbidden": list(exercise.forbidden),
        "visible_cases": list(visible_case_names(exercise.cases_source)),
        "progress": progress_data(progress),
        "urls": summary["urls"]
        | {
            "submissions": absolute_url(request, "api:submission_create", exercise.slug),
        },
    }


def progress_data(progress: Progress | None) -> dict:
    if progress is None:
        return {
            "attempts": 0,
            "best_score": None,
            "solved": False,
            "solved_at": None,
            "last_attempt_at": None,
        }
    return {
        "attempts": progress.attempts,
        "best_score": progress.best_score if progress.attempts else None,
        "solved": progress.solved_at is not None,
        "solved_at": iso(progress.solved_at),
        "last_attempt_at": iso(progress.last_attempt_at),
    }


def submission_summary(request: HttpRequest, submission: Submission) -> dict:
    done = submission.status == Submission.Status.DONE
    return {
        "id": submission.pk,
        "exercise": submission.exercise.slug,
        "mode": submission.mode,
        "status": submission.status,
        "verdict": submission.verdict if done and submission.verdict else None,
        "score": submission.score if done else None,
        "created_at": iso(submission.created_at),
        "graded_at": iso(submission.graded_at),
        "urls": {
            "self": absolute_url(request, "api:submission_detail", submission.pk),
            "html": page_url(request, "exercises:submission_detail", submission.pk),
        },
    }


def submission_detail(request: HttpRequest, submission: Submission) -> dict:
    done = submission.status == Submission.Status.DONE
    return submission_summary(request, submission) | {
        "cases": submission_public_cases(submission) if done else [],
        "message": submission.message if done else "",
        "stdout": submission.stdout if done else "",
        "warning": submission.warning,
        "exercise_version": submission.exercise_version,
        "source_code": submission.source_code,
        "started_at": iso(submission.started_at),
        "notice": submission.notice,
    }


def stage_progress(entry: StageProgress) -> dict:
    return {
        "slug": entry.stage.slug,
        "title": entry.stage.title,
        "lessons_total": entry.lessons_total,
        "lessons_completed": entry.lessons_completed,
        "exercises_total": len(entry.exercises),
        "exercises_solved": sum(
            1 for _, progress in entry.exercises if progress and progress.solved_at
        ),
        "exercises": [
            {"slug": exercise.slug, "title": exercise.title} | progress_data(progress)
            for exercise, progress in entry.exercises
        ],
    }
