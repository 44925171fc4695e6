from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from exercises.models import Submission
from exercises.selectors import learner_activity
from tests.factories import CourseFactory, SubmissionFactory
from tests.lessons.builders import build_course, complete, solve
from tests.lessons.web import learner, other_learner, staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

URL = reverse("exercises:progress")


def test_progress_needs_login(client):
    response = client.get(URL)

    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_progress_shows_each_stage_and_exercise_with_attempts_best_score_and_solved(
    client, learner
):
    built = build_course(stages=2, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=0)
    solve(learner, built.exercises[0])
    partial = solve(learner, built.exercises[1], score=0.5)
    partial.attempts = 3
    partial.save()
    complete(learner, built.lessons[0])
    client.force_login(learner)

    html = client.get(URL).content.decode()

    assert built.course.title in html
    assert "Stage 1" in html and "Stage 2" in html
    assert "1/1 lessons · 1/1 exercises" in html
    assert "0/1 lessons · 0/1 exercises" in html
    row = html[html.index("Exercise 2.1.1") :]
    row = row[: row.index("</tr>")]
    assert "<td>3</td>" in row and "50%" in row and "Not solved" in row
    assert 'aria-label="50% of the course done (2 of 4)"' in html


def test_progress_shows_only_my_progress(client, learner, other_learner):
    built = build_course(stages=1, lessons_per_stage=1, exercises_per_lesson=1, loose_per_stage=0)
    solve(other_learner, built.exercises[0])
    client.force_login(learner)

    html = client.get(URL).content.decode()

    assert "pill--passed" not in html
    assert 'aria-label="0% of the course done (0 of 2)"' in html


def test_activity_chart_is_an_accessible_inline_svg(client, learner):
    built = build_course(stages=1)
    solve(learner, built.exercises[0])
    SubmissionFactory(learner=learner, exercise=built.exercises[0])
    client.force_login(learner)

    html = client.get(URL).content.decode()

    assert '<svg viewBox="0 0 700 140" role="img"' in html
    assert "Submissions per day over the last 56 days" in html
    assert "2 submissions, 1 passing" in html
    assert html.count('class="chart__bar"') == 1
    assert html.count('class="chart__bar chart__bar--passed"') == 1


def test_activity_counts_per_day_over_the_window(learner):
    exercise = build_course(stages=1).exercises[0]
    now = timezone.now()
    for days_ago, verdict in [(0, "passed"), (0, "failed"), (3, "failed"), (100, "passed")]:
        submission = SubmissionFactory(learner=learner, exercise=exercise, verdict=verdict)
        Submission.objects.filter(pk=submission.pk).update(
            created_at=now - timedelta(days=days_ago)
        )
    SubmissionFactory(exercise=exercise)  # someone else's

    activity = learner_activity(learner=learner, days=7)

    assert len(activity) == 7
    assert activity[-1].day == timezone.localdate()
    assert (activity[-1].submissions, activity[-1].passed) == (2, 1)
    assert (activity[-4].submissions, activity[-4].passed) == (1, 0)
    assert sum(day.submissions for day in activity) == 3


def test_progress_page_with_no_course_says_so(client, learner):
    CourseFactory(is_published=False)
    client.force_login(learner)

    html = client.get(URL).content.decode()

    assert "No course is published yet." in html


def test_progress_queries_do_not_grow_with_the_course(
    client, learner, django_assert_max_num_queries
):
    built = build_course(stages=5, lessons_per_stage=5, exercises_per_lesson=2, loose_per_stage=2)
    for exercise in built.exercises[::3]:
        solve(learner, exercise)
    client.force_login(learner)

    # session, user, courses, stages, lessons per stage, completions per stage, progress,
    # exercises, activity
    with django_assert_max_num_queries(9):
        response = client.get(URL)

    assert response.content.decode().count("pill--passed") == len(built.exercises[::3])
