"""The instructors' admin for exercises and what learners produced."""

import base64
import json

import pytest
import redis
from django.test import Client
from django.urls import reverse

from exercises.models import Draft, Exercise, KnownWrongSolution, Progress, Submission
from grader.models import ExerciseValidation
from tests.factories import ExerciseFactory, SubmissionFactory
from tests.lessons.builders import solve
from tests.lessons.web import learner, other_learner, staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def grading_queue(redis_url):
    """The real broker's grading queues (the suite's own Redis database), emptied first."""
    broker = redis.Redis.from_url(redis_url)
    queues = ("grading", "grading-long")
    broker.delete(*queues)

    def sent(queue: str = "grading") -> list[tuple[str, list]]:
        """(task name, args) of every message waiting in that queue."""
        out = []
        for raw in broker.lrange(queue, 0, -1):
            message = json.loads(raw)
            args = json.loads(base64.b64decode(message["body"]))[0]
            out.append((message["headers"]["task"], args))
        return out

    yield sent
    broker.delete(*queues)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def exercise_form_data(exercise: Exercise, **changes) -> dict:
    data = {
        "stage": exercise.stage_id,
        "lesson": exercise.lesson_id or "",
        "slug": exercise.slug,
        "title": exercise.title,
        "kind": exercise.kind,
        "order": exercise.order,
        "is_published": "on",
        "statement": exercise.statement,
        "hints": '["a hint"]',
        "forbidden": "[]",
        "entry_point": exercise.entry_point,
        "starter_code": exercise.starter_code,
        "reference_solution": exercise.reference_solution,
        "cases_source": exercise.cases_source,
        "rtol": "",
        "atol": "",
        "wall_seconds": exercise.wall_seconds,
        "cpu_seconds": exercise.cpu_seconds,
        "memory_mb": exercise.memory_mb,
        "wrong_solutions-TOTAL_FORMS": "0",
        "wrong_solutions-INITIAL_FORMS": "0",
        "wrong_solutions-MIN_NUM_FORMS": "0",
        "wrong_solutions-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_exercise_change_page_has_validate_button_inlines_and_read_only_hash(admin_client_):
    exercise = ExerciseFactory(statement="Compute $2x$.")
    KnownWrongSolution.objects.create(exercise=exercise, name="off_by_one", source="x", hint="h")

    html = admin_client_.get(
        reverse("admin:exercises_exercise_change", args=[exercise.pk])
    ).content.decode()

    assert reverse("admin:exercises_exercise_validate", args=[exercise.pk]) in html
    assert "Validate exercise" in html
    assert "off_by_one" in html  # the known-wrong inline
    assert 'name="content_hash"' not in html and exercise.content_hash in html
    assert '<span class="math math-inline">2x</span>' in html  # statement preview


def test_validate_button_queues_a_validation_for_a_grading_worker(
    admin_client_, staff, grading_queue, django_capture_on_commit_callbacks
):
    exercise = ExerciseFactory(slug="shaky")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_.post(
            reverse("admin:exercises_exercise_validate", args=[exercise.pk]), follow=True
        )

    validation = ExerciseValidation.objects.get(exercise=exercise)
    assert validation.status == ExerciseValidation.Status.QUEUED
    assert validation.requested_by == staff
    assert validation.exercise_version == exercise.content_hash
    assert grading_queue() == [("grader.validate_exercise", [validation.pk])]
    assert any("shaky: validation queued" in m for m in messages_of(response))
    assert "Queued: waiting for a grading worker" in response.content.decode()


def test_pressing_validate_twice_queues_one_run(
    admin_client_, grading_queue, django_capture_on_commit_callbacks
):
    exercise = ExerciseFactory()
    url = reverse("admin:exercises_exercise_validate", args=[exercise.pk])

    with django_capture_on_commit_callbacks(execute=True):
        admin_client_.post(url)
        admin_client_.post(url)

    assert ExerciseValidation.objects.filter(exercise=exercise).count() == 1
    assert len(grading_queue()) == 1


def test_the_change_page_shows_the_stored_report_escaped(admin_client_):
    exercise = ExerciseFactory()
    ExerciseValidation.objects.create(
        exercise=exercise,
        exercise_version=exercise.content_hash,
        status=ExerciseValidation.Status.DONE,
        ok=False,
        report={
            "ok": False,
            "visible_cases": 2,
            "hidden_cases": 5,
            "output": "<script>alert(1)</script>",
            "rows": [
                {
                    "label": "reference solution",
                    "expected": "passed",
                    "got": "passed (100%)",
                    "ok": True,
                    "detail": "",
                },
                {
                    "label": "wrong/off_by_one",
                    "expected": "fails a hidden case",
                    "got": "passed (100%)",
                    "ok": False,
                    "detail": "<b>passes</b> everything",
                },
            ],
        },
    )
    change = reverse("admin:exercises_exercise_change", args=[exercise.pk])

    html = admin_client_.get(change).content.decode()
    fragment = admin_client_.get(
        reverse("admin:exercises_exercise_validation", args=[exercise.pk])
    ).content.decode()

    for body in (html, fragment):
        assert "FAILED validation" in body and "2 visible and 5 hidden cases" in body
        assert "wrong/off_by_one" in body and "&lt;b&gt;passes&lt;/b&gt;" in body
        assert "<b>passes</b>" not in body and "<script>alert(1)</script>" not in body
    assert 'data-state="done"' in fragment


def test_a_report_of_an_earlier_version_says_so(admin_client_):
    exercise = ExerciseFactory()
    ExerciseValidation.objects.create(
        exercise=exercise, exercise_version="older", status=ExerciseValidation.Status.RUNNING
    )

    html = admin_client_.get(
        reverse("admin:exercises_exercise_change", args=[exercise.pk])
    ).content.decode()

    assert "Running: the exercise" in html and 'data-state="running"' in html
    assert "report of an earlier version" in html


def test_learners_cannot_read_validation_reports(client, learner):
    exercise = ExerciseFactory()
    client.force_login(learner)

    response = client.get(reverse("admin:exercises_exercise_validation", args=[exercise.pk]))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_validate_sends_a_training_exercise_to_the_long_queue(
    admin_client_, grading_queue, django_capture_on_commit_callbacks
):
    exercise = ExerciseFactory(slug="tiny_trainer", trained_model={"scorer": "tiny_gpt"})

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_.post(
            reverse("admin:exercises_exercise_validate", args=[exercise.pk]), follow=True
        )

    validation = ExerciseValidation.objects.get(exercise=exercise)
    # Minutes of training: on grading-long, never where quick verdicts wait.
    assert grading_queue("grading-long") == [("grader.validate_exercise_long", [validation.pk])]
    assert grading_queue() == []
    assert any("tiny_trainer trains a model per case" in m for m in messages_of(response))


def test_validate_needs_post_and_csrf(admin_client_, staff):
    exercise = ExerciseFactory()
    url = reverse("admin:exercises_exercise_validate", args=[exercise.pk])

    assert admin_client_.get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff)
    assert strict.post(url).status_code == 403
    assert not ExerciseValidation.objects.exists()


def test_validate_unknown_exercise_is_a_404(admin_client_):
    response = admin_client_.post(reverse("admin:exercises_exercise_validate", args=[999999]))

    assert response.status_code == 404


def test_learners_cannot_validate(client, learner):
    exercise = ExerciseFactory()
    client.force_login(learner)

    response = client.post(reverse("admin:exercises_exercise_validate", args=[exercise.pk]))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not ExerciseValidation.objects.exists()


def test_validate_action_queues_each_selected_exercise(
    admin_client_, grading_queue, django_capture_on_commit_callbacks
):
    good, bad = ExerciseFactory(slug="good"), ExerciseFactory(slug="bad")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_.post(
            reverse("admin:exercises_exercise_changelist"),
            {"action": "validate_selected", "_selected_action": [good.pk, bad.pk]},
            follow=True,
        )

    shown = messages_of(response)
    queued = ExerciseValidation.objects.order_by("exercise__slug")
    assert [v.exercise.slug for v in queued] == ["bad", "good"]
    assert sorted(args[0] for _task, args in grading_queue()) == sorted(v.pk for v in queued)
    assert any("good: validation queued" in m for m in shown)


def test_saving_an_exercise_in_admin_recomputes_its_content_hash(admin_client_):
    exercise = ExerciseFactory(content_hash="stale")

    response = admin_client_.post(
        reverse("admin:exercises_exercise_change", args=[exercise.pk]),
        exercise_form_data(exercise, statement="A new statement."),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    exercise.refresh_from_db()
    first = exercise.content_hash
    assert first != "stale" and len(first) == 64

    admin_client_.post(
        reverse("admin:exercises_exercise_change", args=[exercise.pk]),
        exercise_form_data(exercise, statement="Another statement."),
    )
    exercise.refresh_from_db()
    assert exercise.content_hash != first


def test_submissions_are_viewable_filterable_and_read_only(admin_client_, learner, other_learner):
    SubmissionFactory(learner=other_learner)  # filters appear once there is a choice to make
    submission = SubmissionFactory(
        learner=learner,
        source_code="<script>alert(1)</script>",
        status="done",
        verdict="failed",
        score=0.5,
        cases=[{"name": "<i>case</i>", "visible": True, "passed": False, "message": "m"}],
    )
    changelist = reverse("admin:exercises_submission_changelist")

    listing = admin_client_.get(changelist)
    filtered = admin_client_.get(changelist, {"verdict__exact": "passed"})
    detail = admin_client_.get(reverse("admin:exercises_submission_change", args=[submission.pk]))
    edit = admin_client_.post(
        reverse("admin:exercises_submission_change", args=[submission.pk]), {}
    )

    html = listing.content.decode()
    assert "By verdict" in html and "By exercise" in html and "By learner" in html
    assert f">{submission.pk}<" in html
    assert "0 submissions" in filtered.content.decode()
    body = detail.content.decode()
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;" in body and "<script>alert(1)</script>" not in body
    )
    assert "&lt;i&gt;case&lt;/i&gt;" in body
    assert edit.status_code == 403
    assert admin_client_.get(reverse("admin:exercises_submission_add")).status_code == 403


@pytest.mark.parametrize("model", ["progress", "draft", "exercise", "submission"])
def test_changelists_load(admin_client_, learner, model):
    exercise = ExerciseFactory()
    solve(learner, exercise)
    Draft.objects.create(learner=learner, exercise=exercise, source_code="x")

    response = admin_client_.get(reverse(f"admin:exercises_{model}_changelist"))

    assert response.status_code == 200
    assert learner.username in response.content.decode() or model == "exercise"


def test_progress_and_drafts_are_read_only(admin_client_, learner):
    exercise = ExerciseFactory()
    progress = solve(learner, exercise)
    draft = Draft.objects.create(learner=learner, exercise=exercise, source_code="x")

    assert (
        admin_client_.post(
            reverse("admin:exercises_progress_change", args=[progress.pk]), {}
        ).status_code
        == 403
    )
    assert (
        admin_client_.post(reverse("admin:exercises_draft_change", args=[draft.pk]), {}).status_code
        == 403
    )
    assert Progress.objects.get().best_score == 1.0
    assert Submission.objects.count() == 1


@pytest.fixture
def unreachable_broker():
    """Point this process's Celery producer at a port where nothing listens."""
    import socket

    from courseplatform.celery import app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    saved = app.conf.broker_url
    app.conf.broker_url = f"redis://127.0.0.1:{port}/0"
    app._pool = None
    app.amqp._producer_pool = None
    yield
    app.conf.broker_url = saved
    app._pool = None
    app.amqp._producer_pool = None


def test_a_validation_the_broker_cannot_take_says_so(
    admin_client_, unreachable_broker, django_capture_on_commit_callbacks
):
    exercise = ExerciseFactory()

    with django_capture_on_commit_callbacks(execute=True):
        admin_client_.post(reverse("admin:exercises_exercise_validate", args=[exercise.pk]))
    html = admin_client_.get(
        reverse("admin:exercises_exercise_change", args=[exercise.pk])
    ).content.decode()

    validation = ExerciseValidation.objects.get(exercise=exercise)
    assert validation.status == ExerciseValidation.Status.FAILED
    assert "task queue is unavailable" in validation.error
    assert "Could not run: The task queue is unavailable" in html
