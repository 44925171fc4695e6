import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from exercises.views.gradebook import csv_safe
from tests.factories import CourseFactory, SubmissionFactory
from tests.lessons.builders import build_course, solve
from tests.lessons.web import learner, make_user, other_learner, staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

# session, user, course, exercises, learners, progress, submission counts
GRADEBOOK_QUERIES = 7


def book_url(course):
    return reverse("exercises:gradebook", args=[course.slug])


def csv_url(course):
    return reverse("exercises:gradebook_csv", args=[course.slug])


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_gradebook_is_for_staff_only(client, learner):
    course = CourseFactory()

    anonymous = client.get(book_url(course))
    client.force_login(learner)
    as_learner = client.get(book_url(course))
    as_learner_csv = client.get(csv_url(course))

    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    assert as_learner.status_code == 403 and "for instructors" in as_learner.content.decode()
    assert as_learner_csv.status_code == 403


def test_unknown_course_gradebook_is_a_404(client, staff):
    client.force_login(staff)

    assert client.get("/exercises/gradebook/nope/").status_code == 404
    assert client.get("/exercises/gradebook/nope/export.csv").status_code == 404


def test_gradebook_shows_best_scores_totals_and_links(client, staff):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=1)
    ada, bob = make_user(username="ada"), make_user(username="bob")
    solve(ada, built.exercises[0])
    solve(ada, built.exercises[1], score=0.5)
    solve(bob, built.exercises[1], score=0.25)
    make_user(username="idle")  # no activity in the course: not listed
    client.force_login(staff)

    html = client.get(book_url(built.course)).content.decode()

    assert html.index(">ada<") < html.index(">bob<")
    assert "idle" not in html
    assert "100%" in html and "50%" in html and "25%" in html
    assert "1.50" in html and "0.25" in html  # totals
    assert "1/2" in html and "0/2" in html  # solved
    first = built.exercises[0]
    assert f"{reverse('exercises:submission_list', args=[first.slug])}?learner={ada.pk}" in html
    assert reverse("exercises:gradebook_csv", args=[built.course.slug]) in html


def test_runs_without_a_graded_submit_show_as_activity_without_a_score(client, staff, learner):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=0)
    SubmissionFactory(learner=learner, exercise=built.exercises[0], mode="run")
    client.force_login(staff)

    html = client.get(book_url(built.course)).content.decode()

    assert learner.username in html
    assert "not graded, 1 submission" in html


def test_csv_export_has_one_row_per_learner(client, staff):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=1)
    ada = make_user(username="ada", email="ada@example.org")
    solve(ada, built.exercises[0])
    solve(ada, built.exercises[1], score=0.5)
    client.force_login(staff)

    response = client.get(csv_url(built.course))

    rows = read_csv(response)
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="gradebook-{built.course.slug}-'
    )
    assert rows[0] == [
        "username",
        "email",
        built.exercises[0].slug,
        built.exercises[1].slug,
        "total",
        "solved",
        f"{built.exercises[0].slug} mistakes",
        f"{built.exercises[1].slug} mistakes",
    ]
    assert rows[1] == ["ada", "ada@example.org", "1", "0.5", "1.5", "1", "", ""]


def test_csv_cells_cannot_inject_formulas(client, staff):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=0)
    evil = make_user(username="=HYPERLINK(x)", email="@SUM(A1)@example.org")
    solve(evil, built.exercises[0])
    client.force_login(staff)

    rows = read_csv(client.get(csv_url(built.course)))

    assert rows[1][:2] == ["'=HYPERLINK(x)", "'@SUM(A1)@example.org"]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ada", "ada"),
        (0.5, 0.5),
        ("", ""),
    ],
)
def test_csv_safe(value, expected):
    assert csv_safe(value) == expected


def _grow(learners: int, size: dict):
    built = build_course(**size)
    for index in range(learners):
        user = make_user()
        for exercise in built.exercises[index % 2 :: 2]:
            solve(user, exercise, score=0.5 + 0.5 * (index % 2))
    return built


SIZES = [
    (1, {"stages": 1, "lessons_per_stage": 1, "exercises_per_lesson": 1, "loose_per_stage": 0}),
    (8, {"stages": 2, "lessons_per_stage": 3, "exercises_per_lesson": 2, "loose_per_stage": 1}),
    (25, {"stages": 4, "lessons_per_stage": 4, "exercises_per_lesson": 2, "loose_per_stage": 2}),
]


@pytest.mark.parametrize("learners, size", SIZES, ids=["tiny", "medium", "large"])
def test_gradebook_queries_do_not_grow(
    client, staff, learners, size, django_assert_max_num_queries
):
    built = _grow(learners, size)
    client.force_login(staff)

    with django_assert_max_num_queries(GRADEBOOK_QUERIES):
        response = client.get(book_url(built.course))

    assert response.content.decode().count('scope="row" class="gradebook__learner"') == learners


@pytest.mark.parametrize("learners, size", SIZES, ids=["tiny", "medium", "large"])
def test_csv_queries_do_not_grow(client, staff, learners, size, django_assert_max_num_queries):
    built = _grow(learners, size)
    client.force_login(staff)

    with django_assert_max_num_queries(GRADEBOOK_QUERIES):
        response = client.get(csv_url(built.course))

    assert len(read_csv(response)) == learners + 1


def test_gradebook_query_count_is_exactly_equal_for_small_and_large(client, staff):
    counts = []
    for learners, size in (SIZES[0], SIZES[-1]):
        built = _grow(learners, size)
        client.force_login(staff)
        with CaptureQueriesContext(connection) as queries:
            client.get(book_url(built.course))
        counts.append(len(queries))

    assert counts == [GRADEBOOK_QUERIES, GRADEBOOK_QUERIES]
