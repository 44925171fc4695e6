import pytest
from django.contrib.auth.models import AnonymousUser

from exercises.models import Submission
from exercises.selectors import course_cards, course_gradebook, course_roadmap, learner_progress
from tests.factories import CourseFactory, ExerciseFactory, LessonFactory, StageFactory
from tests.lessons.builders import build_course, complete, solve
from tests.lessons.web import learner, other_learner, staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db


def test_roadmap_places_exercises_under_their_lesson_or_at_the_stage_end():
    built = build_course(stages=2, lessons_per_stage=2, exercises_per_lesson=1, loose_per_stage=1)

    roadmap = course_roadmap(course=built.course, learner=AnonymousUser())

    first = roadmap.stages[0]
    assert [entry.lesson.title for entry in first.lessons] == ["Lesson 1.1", "Lesson 1.2"]
    assert [e.exercise.title for e in first.lessons[0].exercises] == ["Exercise 1.1.1"]
    assert [e.exercise.title for e in first.exercises] == ["Project 1.1"]
    assert roadmap.tracked is False and roadmap.total == 10 and roadmap.done == 0


def test_exercise_listed_under_a_lesson_of_another_stage_follows_the_lesson():
    course = CourseFactory()
    one, two = StageFactory(course=course, order=1), StageFactory(course=course, order=2)
    lesson = LessonFactory(stage=two, course=course)
    ExerciseFactory(stage=one, lesson=lesson, title="Moved")

    roadmap = course_roadmap(course=course, learner=None)

    assert roadmap.stages[0].exercises == []
    assert [e.exercise.title for e in roadmap.stages[1].lessons[0].exercises] == ["Moved"]


def test_states_fractions_and_next_step(learner):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=2, loose_per_stage=0)
    complete(learner, built.lessons[0])
    solve(learner, built.exercises[0])
    Submission.objects.create(
        learner=learner, exercise=built.exercises[1], source_code="x", mode="run"
    )

    roadmap = course_roadmap(course=built.course, learner=learner)

    entries = roadmap.stages[0].lessons[0].exercises
    assert [entry.state for entry in entries] == ["solved", "attempted"]
    assert (roadmap.done, roadmap.total) == (2, 3)
    assert roadmap.fraction == pytest.approx(2 / 3)
    assert roadmap.next_step.exercise == built.exercises[1]


def test_partially_scored_exercise_is_attempted_not_solved(learner):
    built = build_course(stages=1, lessons_per_stage=0, exercises_per_lesson=0, loose_per_stage=1)
    solve(learner, built.exercises[0], score=0.75)

    entry = course_roadmap(course=built.course, learner=learner).stages[0].exercises[0]

    assert entry.state == "attempted" and not entry.solved


def test_empty_course_has_no_next_step_and_zero_fraction(learner):
    course = CourseFactory()

    roadmap = course_roadmap(course=course, learner=learner)

    assert roadmap.stages == [] and roadmap.next_step is None and roadmap.fraction == 0.0


def test_course_cards_count_only_published_items(learner):
    built = build_course(stages=1, lessons_per_stage=2, exercises_per_lesson=1, loose_per_stage=0)
    LessonFactory(stage=built.stages[0], course=built.course, is_published=False)
    ExerciseFactory(stage=built.stages[0], is_published=False)
    solve(learner, built.exercises[0])

    (card,) = course_cards(learner=learner)

    assert (card.lesson_count, card.exercise_count) == (2, 2)
    assert (card.done, card.total) == (1, 4)


def test_learner_progress_counts_per_stage(learner):
    built = build_course(stages=2, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=1)
    complete(learner, built.lessons[1])
    solve(learner, built.exercises[2])

    (course,) = learner_progress(learner=learner)

    first, second = course.stages
    assert (first.lessons_done, first.lessons_total, first.solved) == (0, 1, 0)
    assert (second.lessons_done, second.lessons_total, second.solved) == (1, 1, 1)
    assert (course.done, course.total) == (2, 6)


def test_gradebook_rows_are_learners_with_activity(learner, other_learner):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=1)
    solve(learner, built.exercises[1], score=0.5)

    book = course_gradebook(course=built.course)

    assert [row.learner for row in book.rows] == [learner]
    (row,) = book.rows
    assert [cell.best_score for cell in row.cells] == [None, 0.5]
    assert row.total == 0.5 and row.solved == 0
    assert book.solved_per_exercise == [0, 0]


def test_public_cases_drop_hidden_messages_and_malformed_rows():
    from exercises.models import Submission
    from exercises.selectors import submission_public_cases

    submission = Submission(
        cases=[
            {"name": "shown", "visible": True, "passed": False, "message": "expected 2, got 3"},
            {"name": "secret", "visible": False, "passed": False, "message": "input was [7, 9]"},
            {"name": "truthy", "visible": "yes", "passed": "yes", "message": "leak"},
            "not a case",
        ]
    )

    assert submission_public_cases(submission) == [
        {"name": "shown", "visible": True, "passed": False, "message": "expected 2, got 3"},
        {"name": "secret", "visible": False, "passed": False},
        {"name": "truthy", "visible": False, "passed": False},
    ]
