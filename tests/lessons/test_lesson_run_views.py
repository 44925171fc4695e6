"""Running a lesson block from the page: access, validation, rate limit, the status JSON."""

import pytest
from django.urls import reverse

from lessons.models import LessonRun, LessonRunFigure
from lessons.run_services import lesson_run_finish
from tests.factories import CourseFactory, LessonFactory, StageFactory
from tests.lessons.web import make_user

pytestmark = pytest.mark.django_db

BODY = (
    "# Demo\n\n```python\nx = 1\n```\n\n```python norun\ninput()\n```\n\n```python\nprint(x)\n```\n"
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x03\x08\x02\x00\x00\x00"
    + b"\x00" * 16
)


@pytest.fixture
def lesson():
    return LessonFactory(body=BODY)


def run_url(lesson):
    return reverse("lessons:lesson_run_create", args=[lesson.course.slug, lesson.slug])


def post(client, lesson, block="3", source="print(x)"):
    return client.post(
        run_url(lesson), {"block": block, "source": source}, HTTP_ACCEPT="application/json"
    )


def test_an_anonymous_visitor_gets_401_and_nothing_is_stored(client, lesson):
    response = post(client, lesson)

    assert response.status_code == 401
    assert "Log in" in response.json()["error"]
    assert not LessonRun.objects.exists()


def test_the_lesson_page_invites_an_anonymous_visitor_to_log_in(client, lesson):
    html = client.get(reverse("lessons:lesson_detail", args=[lesson.course.slug, lesson.slug]))
    page = html.content.decode()

    assert 'data-can-run="true"' not in page
    assert "data-login-url=" in page and "js/lesson-run.js" in page


def test_a_learner_page_can_run(learner_client, lesson):
    page = learner_client.get(
        reverse("lessons:lesson_detail", args=[lesson.course.slug, lesson.slug])
    ).content.decode()

    assert 'data-can-run="true"' in page
    assert run_url(lesson) in page


def test_a_run_is_queued_with_the_edited_source_and_sent_after_commit(
    learner_client, learner, lesson, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post(learner_client, lesson, source="print(x + 41)")

    assert response.status_code == 202
    body = response.json()
    run = LessonRun.objects.get()
    assert (run.learner, run.lesson, run.block, run.source) == (
        learner,
        lesson,
        3,
        "print(x + 41)",
    )
    assert body["status"] == "queued" and body["done"] is False
    assert body["status_url"] == reverse("lessons:lesson_run_status", args=[run.pk])
    assert len(callbacks) == 1  # the task is sent only once the row is committed


def test_an_unpublished_lesson_is_404(learner_client):
    hidden = LessonFactory(body=BODY, is_published=False)
    assert post(learner_client, hidden).status_code == 404
    course = CourseFactory(is_published=False)
    in_hidden_course = LessonFactory(body=BODY, stage=StageFactory(course=course))
    assert post(learner_client, in_hidden_course).status_code == 404
    assert not LessonRun.objects.exists()


@pytest.mark.parametrize(("block", "status"), [("0", 404), ("4", 404), ("99", 404), ("x", 400)])
def test_a_block_out_of_range_or_not_a_number_is_refused(learner_client, lesson, block, status):
    response = post(learner_client, lesson, block=block)

    assert response.status_code == status
    assert response.json()["error"]
    assert not LessonRun.objects.exists()


def test_a_norun_block_is_refused_by_name(learner_client, lesson):
    response = post(learner_client, lesson, block="2")

    assert response.status_code == 400
    assert "Block 2" in response.json()["error"] and "not to be run" in response.json()["error"]


def test_oversized_source_is_413_and_says_the_limit(learner_client, lesson, settings):
    settings.LESSON_RUN_MAX_BYTES = 1000
    response = post(learner_client, lesson, source="x" * 1001)

    assert response.status_code == 413
    assert "1,001 bytes" in response.json()["error"] and "1,000" in response.json()["error"]
    assert not LessonRun.objects.exists()


def test_missing_blank_or_nul_source_is_400_and_costs_no_run(learner_client, lesson, settings):
    settings.LESSON_RUN_RATE = "1/m"
    response = learner_client.post(run_url(lesson), {"block": "1"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert post(learner_client, lesson, source="   \n").status_code == 400
    nul = post(learner_client, lesson, source="print(1)\x00")
    assert nul.status_code == 400 and "NUL" in nul.json()["error"]
    assert post(learner_client, lesson, block="99").status_code == 404

    assert post(learner_client, lesson).status_code == 202  # the one run of the minute


def test_get_is_not_allowed(learner_client, lesson):
    assert learner_client.get(run_url(lesson)).status_code == 405


def test_the_rate_limit_answers_429_with_retry_after(learner_client, lesson, settings):
    settings.LESSON_RUN_RATE = "2/m"
    assert post(learner_client, lesson).status_code == 202
    assert post(learner_client, lesson).status_code == 202

    response = post(learner_client, lesson)

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["retry_after"] == int(response["Retry-After"])
    assert LessonRun.objects.count() == 2


def test_the_rate_limit_is_per_learner(client, lesson, settings):
    settings.LESSON_RUN_RATE = "1/m"
    first, second = make_user(), make_user()
    client.force_login(first)
    assert post(client, lesson).status_code == 202
    assert post(client, lesson).status_code == 429
    client.force_login(second)
    assert post(client, lesson).status_code == 202


def test_csrf_is_required_for_a_session_post(lesson):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user())
    assert post(client, lesson).status_code == 403


def finished_run(learner, lesson):
    run = LessonRun.objects.create(learner=learner, lesson=lesson, block=3, source="print(x)")
    from lessons.figures import figure_check

    lesson_run_finish(
        run_id=run.pk,
        outcome="ok",
        output="1\n<script>",
        wall_ms=12.34,
        figures=[(PNG, figure_check("figure-1.png", PNG))],
    )
    return run


def test_the_status_shows_output_and_figures_to_the_learner_who_ran_it(
    learner_client, learner, lesson
):
    run = finished_run(learner, lesson)

    data = learner_client.get(reverse("lessons:lesson_run_status", args=[run.pk])).json()

    assert data["done"] and data["outcome"] == "ok" and data["outcome_label"] == "Ran"
    assert data["output"] == "1\n<script>"  # the page inserts it as text
    assert data["wall_ms"] == 12.3
    figure_url = reverse("lessons:lesson_run_figure", args=[run.pk, 1])
    assert data["figures"] == [{"url": figure_url, "width": 2, "height": 3}]
    figure = learner_client.get(figure_url)
    assert figure.status_code == 200 and figure["Content-Type"] == "image/png"
    assert bytes(figure.content) == PNG
    assert figure["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in figure["Content-Security-Policy"]


def test_another_learners_run_and_its_figures_are_404(client, learner, lesson):
    run = finished_run(learner, lesson)
    client.force_login(make_user())

    assert client.get(reverse("lessons:lesson_run_status", args=[run.pk])).status_code == 404
    figure = client.get(reverse("lessons:lesson_run_figure", args=[run.pk, 1]))
    assert figure.status_code == 404


def test_status_and_figures_need_a_login(client, learner, lesson):
    run = finished_run(learner, lesson)

    assert client.get(reverse("lessons:lesson_run_status", args=[run.pk])).status_code == 401
    assert client.get(reverse("lessons:lesson_run_figure", args=[run.pk, 1])).status_code == 401


def test_a_run_is_recorded_once_the_first_finisher_wins(learner, lesson):
    run = finished_run(learner, lesson)

    wrote = lesson_run_finish(run_id=run.pk, outcome="error", output="late")

    run.refresh_from_db()
    assert wrote is False and run.output == "1\n<script>" and run.outcome == "ok"
    assert LessonRunFigure.objects.filter(run=run).count() == 1


def test_nul_and_surrogates_from_the_sandbox_are_storable(learner, lesson):
    run = LessonRun.objects.create(learner=learner, lesson=lesson, block=1, source="x")

    lesson_run_finish(run_id=run.pk, outcome="ok", output="a\x00b\udcff")

    run.refresh_from_db()
    assert "\x00" not in run.output and run.output.startswith("a")


def test_only_the_newest_runs_are_kept_per_learner(learner_client, learner, lesson, settings):
    settings.LESSON_RUNS_KEPT = 3
    for _ in range(5):
        assert post(learner_client, lesson).status_code == 202

    assert LessonRun.objects.filter(learner=learner).count() == 3
