"""The instructors' admin for exercises and what learners produced."""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from exercises.models import Draft, Exercise, KnownWrongSolution, Progress, Submission
from tests.factories import ExerciseFactory, SubmissionFactory
from tests.lessons.builders import solve
from tests.lessons.web import learner, other_learner, staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, staff):
    client.force_login(staff)
    return client


@dataclass
class Row:
    label: str
    ok: bool
    detail: str = ""
    expected: str = ""
    got: str = ""


@pytest.fixture
def fake_validator(monkeypatch):
    """Stand in for grader.validation.exercise_validate (which runs the real sandbox)."""
    import grader.validation

    calls = []

    def exercise_validate(*, exercise):
        calls.append(exercise.slug)
        rows = [
            Row("reference solution", True, expected="passed", got="passed (100%)"),
            Row("wrong/off_by_one", exercise.slug == "good", detail="<b>passes</b> everything"),
        ]
        return SimpleNamespace(ok=all(r.ok for r in rows), rows=rows)

    monkeypatch.setattr(grader.validation, "exercise_validate", exercise_validate)
    return calls


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


def test_validate_button_shows_every_row_as_a_message(admin_client_, fake_validator):
    exercise = ExerciseFactory(slug="shaky")

    response = admin_client_.post(
        reverse("admin:exercises_exercise_validate", args=[exercise.pk]), follow=True
    )

    shown = messages_of(response)
    assert fake_validator == ["shaky"]
    assert any("✓ reference solution (expected passed, got passed (100%))" in m for m in shown)
    assert any("✗ wrong/off_by_one — <b>passes</b> everything" in m for m in shown)
    assert any("shaky FAILED validation" in m for m in shown)
    assert "&lt;b&gt;passes&lt;/b&gt;" in response.content.decode()  # messages are escaped


def test_validate_button_sends_a_training_exercise_to_the_command(admin_client_, fake_validator):
    exercise = ExerciseFactory(slug="tiny_trainer", trained_model={"scorer": "tiny_gpt"})

    response = admin_client_.post(
        reverse("admin:exercises_exercise_validate", args=[exercise.pk]), follow=True
    )

    assert fake_validator == []  # minutes of training never run in a web request
    assert any("validate_exercises tiny_trainer" in m for m in messages_of(response))


def test_validate_needs_post_and_csrf(admin_client_, staff, fake_validator):
    exercise = ExerciseFactory()
    url = reverse("admin:exercises_exercise_validate", args=[exercise.pk])

    assert admin_client_.get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff)
    assert strict.post(url).status_code == 403
    assert fake_validator == []


def test_validate_unknown_exercise_is_a_404(admin_client_, fake_validator):
    response = admin_client_.post(reverse("admin:exercises_exercise_validate", args=[999999]))

    assert response.status_code == 404


def test_learners_cannot_validate(client, learner, fake_validator):
    exercise = ExerciseFactory()
    client.force_login(learner)

    response = client.post(reverse("admin:exercises_exercise_validate", args=[exercise.pk]))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert fake_validator == []


def test_validate_action_runs_on_each_selected_exercise(admin_client_, fake_validator):
    good, bad = ExerciseFactory(slug="good"), ExerciseFactory(slug="bad")

    response = admin_client_.post(
        reverse("admin:exercises_exercise_changelist"),
        {"action": "validate_selected", "_selected_action": [good.pk, bad.pk]},
        follow=True,
    )

    shown = messages_of(response)
    assert sorted(fake_validator) == ["bad", "good"]
    assert any("good is valid" in m for m in shown) and any(
        "bad FAILED validation" in m for m in shown
    )


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
