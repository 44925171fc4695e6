"""The course page reads a constant number of queries, whatever the course's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.lessons.builders import build_course, complete, solve

pytestmark = pytest.mark.django_db

# Anonymous: course, stages, lessons, exercises. Logged in: + session, user, progress,
# attempted exercises, completed lessons.
ANONYMOUS_QUERIES = 4
LEARNER_QUERIES = 9

SIZES = [
    {"stages": 1, "lessons_per_stage": 1, "exercises_per_lesson": 1, "loose_per_stage": 0},
    {"stages": 3, "lessons_per_stage": 4, "exercises_per_lesson": 2, "loose_per_stage": 2},
    {"stages": 6, "lessons_per_stage": 8, "exercises_per_lesson": 3, "loose_per_stage": 3},
]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("size", SIZES, ids=["tiny", "medium", "large"])
def test_course_page_queries_do_not_grow_for_anonymous_visitors(
    client, size, django_assert_max_num_queries
):
    built = build_course(**size)
    url = reverse("lessons:course_detail", args=[built.course.slug])

    with django_assert_max_num_queries(ANONYMOUS_QUERIES):
        response = client.get(url)

    assert response.content.decode().count("item--exercise") == len(built.exercises)


@pytest.mark.parametrize("size", SIZES, ids=["tiny", "medium", "large"])
def test_course_page_queries_do_not_grow_with_a_learners_progress(
    client, learner, size, django_assert_max_num_queries
):
    built = build_course(**size)
    for exercise in built.exercises[::2]:
        solve(learner, exercise)
    for lesson in built.lessons[::2]:
        complete(learner, lesson)
    client.force_login(learner)
    url = reverse("lessons:course_detail", args=[built.course.slug])

    with django_assert_max_num_queries(LEARNER_QUERIES):
        response = client.get(url)

    html = response.content.decode()
    assert html.count("marker--solved") == len(built.exercises[::2])
    assert html.count("marker--completed") == len(built.lessons[::2])


def test_query_count_is_exactly_the_same_for_a_tiny_and_a_large_course(client, learner):
    counts = []
    for size in (SIZES[0], SIZES[-1]):
        built = build_course(**size)
        solve(learner, built.exercises[0])
        client.force_login(learner)
        counts.append(
            count_queries(client, reverse("lessons:course_detail", args=[built.course.slug]))
        )

    assert counts[0] == counts[1] == LEARNER_QUERIES


def test_course_list_queries_do_not_grow_with_courses(
    client, learner, django_assert_max_num_queries
):
    for _ in range(5):
        built = build_course(stages=2)
        solve(learner, built.exercises[0])
    client.force_login(learner)

    # session, user, courses with counts, solved per course, completed per course
    with django_assert_max_num_queries(5):
        response = client.get(reverse("lessons:course_list"))

    assert response.content.decode().count("course-card__body") == 5
