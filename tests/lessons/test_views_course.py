import re

import pytest
from django.urls import reverse

from exercises.models import Submission
from tests.factories import CourseFactory, ExerciseFactory, LessonFactory, StageFactory
from tests.lessons.builders import build_course, complete, solve
from tests.lessons.web import make_user

pytestmark = pytest.mark.django_db


def course_url(course):
    return reverse("lessons:course_detail", args=[course.slug])


def text_order(html: str, *needles: str) -> list[int]:
    return [html.index(needle) for needle in needles]


def test_course_list_shows_published_courses_only(client):
    CourseFactory(title="Deep learning", summary="Tensors all the way down")
    CourseFactory(title="Secret draft", is_published=False)

    response = client.get(reverse("lessons:course_list"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Deep learning" in html and "Tensors all the way down" in html
    assert "Secret draft" not in html


def test_course_list_shows_each_learners_progress(client, learner):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=0)
    solve(learner, built.exercises[0])
    client.force_login(learner)

    html = client.get(reverse("lessons:course_list")).content.decode()

    assert 'aria-label="50% of the course done (1 of 2)"' in html


def test_course_page_draws_stages_in_order_with_lessons_and_their_exercises(client):
    built = build_course(stages=2, lessons_per_stage=2, exercises_per_lesson=1, loose_per_stage=1)

    response = client.get(course_url(built.course))

    html = response.content.decode()
    assert response.status_code == 200
    positions = text_order(
        html,
        "Stage 1",
        "Lesson 1.1",
        "Exercise 1.1.1",
        "Lesson 1.2",
        "Exercise 1.2.1",
        "Project 1.1",
        "Stage 2",
        "Lesson 2.1",
    )
    assert positions == sorted(positions)
    assert 'aria-label="Exercises for Lesson 1.1"' in html


def test_stage_order_field_decides_the_roadmap_not_creation_order(client):
    course = CourseFactory()
    late = StageFactory(course=course, order=20, title="Comes second")
    early = StageFactory(course=course, order=10, title="Comes first")
    LessonFactory(stage=late, course=course)
    LessonFactory(stage=early, course=course)

    html = client.get(course_url(course)).content.decode()

    assert html.index("Comes first") < html.index("Comes second")


def test_unpublished_lessons_and_exercises_are_not_listed(client):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=0)
    LessonFactory(
        stage=built.stages[0], course=built.course, title="Hidden lesson", is_published=False
    )
    ExerciseFactory(stage=built.stages[0], title="Hidden exercise", is_published=False)

    html = client.get(course_url(built.course)).content.decode()

    assert "Lesson 1.1" in html
    assert "Hidden lesson" not in html and "Hidden exercise" not in html


def test_exercise_of_an_unpublished_lesson_is_listed_at_its_stage_end(client):
    course = CourseFactory()
    stage = StageFactory(course=course)
    hidden = LessonFactory(stage=stage, course=course, is_published=False)
    shown = LessonFactory(stage=stage, course=course, title="Visible lesson")
    ExerciseFactory(stage=stage, lesson=hidden, title="Orphan exercise")

    html = client.get(course_url(course)).content.decode()

    assert html.index("Visible lesson") < html.index("Orphan exercise")
    assert shown.title in html


def test_anonymous_visitor_sees_the_roadmap_without_progress_and_a_login_prompt(client):
    built = build_course(stages=1)

    html = client.get(course_url(built.course)).content.decode()

    assert "of the course done" not in html
    assert "Sign up" in html and "to solve the exercises" in html
    assert "marker--solved" not in html


def test_learner_sees_solved_attempted_and_completed_markers_and_rings(client, learner):
    built = build_course(stages=2, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=1)
    # Stage 1: lesson, its exercise, a loose exercise = 3 items.
    complete(learner, built.lessons[0])
    solve(learner, built.exercises[0])
    Submission.objects.create(
        learner=learner, exercise=built.exercises[1], source_code="x = 1", mode=Submission.Mode.RUN
    )
    client.force_login(learner)

    html = client.get(course_url(built.course)).content.decode()

    assert html.count("marker--completed") == 1
    assert html.count("marker--solved") == 1
    assert html.count("marker--attempted") == 1
    assert 'aria-label="67% of this stage done (2 of 3)"' in html
    assert 'aria-label="0% of this stage done (0 of 3)"' in html
    assert 'aria-label="33% of the course done (2 of 6)"' in html
    # The next step is the first thing not done, in roadmap order.
    assert re.search(r"Continue: Project 1\.1", html)


def test_another_learners_progress_does_not_show(client, learner, other_learner):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=0)
    solve(other_learner, built.exercises[0])
    complete(other_learner, built.lessons[0])
    client.force_login(learner)

    html = client.get(course_url(built.course)).content.decode()

    assert "marker--solved" not in html and "marker--completed" not in html
    assert 'aria-label="0% of the course done (0 of 2)"' in html


def test_finished_course_says_so(client, learner):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=0)
    complete(learner, built.lessons[0])
    solve(learner, built.exercises[0])
    client.force_login(learner)

    html = client.get(course_url(built.course)).content.decode()

    assert "Course complete" in html
    assert "ring--complete" in html


@pytest.mark.parametrize("slug", ["no-such-course", "UPPER", "x" * 200])
def test_unknown_course_is_a_404_page(client, slug):
    response = client.get(f"/courses/{slug}/")

    assert response.status_code == 404
    assert "This page does not exist" in response.content.decode()


def test_unpublished_course_is_a_404(client):
    course = CourseFactory(is_published=False)

    assert client.get(course_url(course)).status_code == 404


def test_staff_get_gradebook_and_admin_links(client, staff):
    course = CourseFactory()
    client.force_login(staff)

    html = client.get(course_url(course)).content.decode()

    assert reverse("exercises:gradebook", args=[course.slug]) in html


def test_learners_get_no_gradebook_link(client):
    course = CourseFactory()
    client.force_login(make_user())

    html = client.get(course_url(course)).content.decode()

    assert reverse("exercises:gradebook", args=[course.slug]) not in html


def test_course_page_answers_only_get(client):
    course = CourseFactory()

    assert client.post(course_url(course)).status_code == 405
