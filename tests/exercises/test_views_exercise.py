import json

import pytest
from django.test import Client
from django.urls import reverse

from exercises.models import Draft, Submission
from tests.factories import CourseFactory, ExerciseFactory, LessonFactory, StageFactory
from tests.lessons.builders import solve
from tests.lessons.web import learner, other_learner, staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

RIGHT = "def double(x):\n    return 2 * x\n"
JSON = {"HTTP_ACCEPT": "application/json"}


def page_url(exercise):
    return reverse("exercises:exercise_detail", args=[exercise.slug])


def submit_url(exercise):
    return reverse("exercises:submission_create", args=[exercise.slug])


def draft_url(exercise):
    return reverse("exercises:draft_autosave", args=[exercise.slug])


# ---- the page ---------------------------------------------------------------------------


def test_exercise_page_shows_statement_starter_hints_and_forbidden_note(client, learner):
    exercise = ExerciseFactory(
        statement="Implement `double(x)` with $2x$.",
        starter_code="def double(x):\n    pass\n",
        hints=["Multiply by **two**.", "Or add x to itself."],
        forbidden=["np.multiply", "np.dot"],
    )
    client.force_login(learner)

    html = client.get(page_url(exercise)).content.decode()

    assert "<code>double(x)</code>" in html
    assert '<span class="math math-inline">2x</span>' in html
    assert "def double(x):\n    pass\n</textarea>" in html
    assert "Hint 1 of 2" in html and "<strong>two</strong>" in html and "Hint 2 of 2" in html
    assert "Forbidden (checked on a best-effort basis):" in html
    assert "<code>np.multiply</code>, <code>np.dot</code>" in html
    assert "data-code-editor" in html and 'name="mode" value="run"' in html
    assert 'name="mode" value="submit"' in html


def test_trusted_fields_never_reach_the_page(client, learner):
    exercise = ExerciseFactory(
        reference_solution="def double(x):\n    return SECRET_REFERENCE\n",
        cases_source="SECRET_CASES = 1\n",
    )
    exercise.wrong_solutions.create(name="off", source="SECRET_WRONG = 1", hint="SECRET_HINT")
    client.force_login(learner)

    html = client.get(page_url(exercise)).content.decode()

    for secret in ("SECRET_REFERENCE", "SECRET_CASES", "SECRET_WRONG", "SECRET_HINT"):
        assert secret not in html


def test_editor_restores_the_learners_draft_instead_of_the_starter(client, learner, other_learner):
    exercise = ExerciseFactory(starter_code="# starter\n")
    Draft.objects.create(learner=learner, exercise=exercise, source_code="# my draft\n")
    Draft.objects.create(learner=other_learner, exercise=exercise, source_code="# theirs\n")
    client.force_login(learner)

    html = client.get(page_url(exercise)).content.decode()

    assert "# my draft" in html
    assert "# starter" not in html and "# theirs" not in html


def test_draft_with_markup_is_escaped_in_the_editor(client, learner):
    exercise = ExerciseFactory()
    Draft.objects.create(
        learner=learner, exercise=exercise, source_code="</textarea><script>alert(1)</script>"
    )
    client.force_login(learner)

    html = client.get(page_url(exercise)).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_anonymous_visitor_reads_the_exercise_and_is_asked_to_log_in(client):
    exercise = ExerciseFactory(starter_code="def double(x):\n    ...\n")

    response = client.get(page_url(exercise))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Starter code" in html and "readonly" in html
    assert "Log in" in html and "to write your solution here" in html
    assert submit_url(exercise) not in html


def test_page_shows_solved_badge_and_recent_history(client, learner):
    exercise = ExerciseFactory()
    solve(learner, exercise)
    client.force_login(learner)

    html = client.get(page_url(exercise)).content.decode()

    assert "Solved" in html
    assert "pill--passed" in html
    submission = Submission.objects.get(learner=learner)
    assert reverse("exercises:submission_detail", args=[submission.pk]) in html


def test_history_lists_only_my_submissions(client, learner, other_learner):
    exercise = ExerciseFactory()
    mine = Submission.objects.create(learner=learner, exercise=exercise, source_code="a")
    theirs = Submission.objects.create(learner=other_learner, exercise=exercise, source_code="b")
    client.force_login(learner)

    html = client.get(page_url(exercise)).content.decode()

    assert reverse("exercises:submission_detail", args=[mine.pk]) in html
    assert reverse("exercises:submission_detail", args=[theirs.pk]) not in html


def test_lesson_link_only_when_the_lesson_is_published(client, learner):
    shown = ExerciseFactory(lesson=LessonFactory(title="Visible lesson"))
    hidden = ExerciseFactory(lesson=LessonFactory(title="Draft lesson", is_published=False))
    client.force_login(learner)

    assert "Visible lesson" in client.get(page_url(shown)).content.decode()
    assert "Draft lesson" not in client.get(page_url(hidden)).content.decode()


@pytest.mark.parametrize("slug", ["no-such-exercise", "x" * 120])
def test_unknown_exercise_is_a_404(client, slug):
    assert client.get(f"/exercises/{slug}/").status_code == 404


def test_unpublished_exercise_and_exercise_of_unpublished_course_are_404(client, learner):
    hidden = ExerciseFactory(is_published=False)
    course = CourseFactory(is_published=False)
    in_hidden_course = ExerciseFactory(stage=StageFactory(course=course))
    client.force_login(learner)

    assert client.get(page_url(hidden)).status_code == 404
    assert client.get(page_url(in_hidden_course)).status_code == 404
    assert (
        client.post(submit_url(hidden), {"source_code": RIGHT, "mode": "submit"}).status_code == 404
    )


# ---- submitting -------------------------------------------------------------------------


def test_form_submit_without_javascript_stores_and_redirects_to_the_submission(client, learner):
    exercise = ExerciseFactory()
    client.force_login(learner)

    response = client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "submit"})

    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("exercises:submission_detail", args=[submission.pk])
    assert (submission.learner, submission.exercise, submission.mode) == (
        learner,
        exercise,
        "submit",
    )
    assert submission.source_code == RIGHT  # not stripped: indentation and newline kept
    assert submission.status == Submission.Status.QUEUED
    assert Draft.objects.get(learner=learner, exercise=exercise).source_code == RIGHT


def test_run_mode_is_stored_as_a_run(client, learner):
    exercise = ExerciseFactory()
    client.force_login(learner)

    client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "run"})

    assert Submission.objects.get().mode == Submission.Mode.RUN


def test_fetch_submit_answers_202_with_the_status_url(client, learner):
    exercise = ExerciseFactory()
    client.force_login(learner)

    response = client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "run"}, **JSON)

    body = response.json()
    submission = Submission.objects.get()
    assert response.status_code == 202
    assert body["id"] == submission.pk and body["status"] == "queued" and body["done"] is False
    assert body["status_url"] == reverse("exercises:submission_status", args=[submission.pk])
    assert body["mode"] == "run" and body["mode_label"] == "Run visible tests"


def test_submission_enqueues_grading_after_commit(
    client, learner, django_capture_on_commit_callbacks, monkeypatch
):
    from exercises import services

    sent = []
    monkeypatch.setattr(
        services, "submission_enqueue", lambda *, submission_id: sent.append(submission_id)
    )
    exercise = ExerciseFactory()
    client.force_login(learner)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "submit"}, **JSON)

    assert sent == [Submission.objects.get().pk]


def test_oversized_code_is_a_form_error_in_html(client, learner, settings):
    settings.SUBMISSION_MAX_BYTES = 100
    exercise = ExerciseFactory()
    client.force_login(learner)

    response = client.post(submit_url(exercise), {"source_code": "x" * 101, "mode": "submit"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "The code is 101 bytes; the limit is 100 bytes" in html
    assert 'role="alert"' in html
    assert not Submission.objects.exists()


def test_oversized_code_is_a_400_with_a_message_for_fetch(client, learner, settings):
    settings.SUBMISSION_MAX_BYTES = 100
    exercise = ExerciseFactory()
    client.force_login(learner)

    response = client.post(
        submit_url(exercise), {"source_code": "é" * 51, "mode": "submit"}, **JSON
    )

    assert response.status_code == 400
    assert "The code is 102 bytes; the limit is 100 bytes" in response.json()["error"]
    assert not Submission.objects.exists()


def test_empty_code_or_unknown_mode_is_refused(client, learner):
    exercise = ExerciseFactory()
    client.force_login(learner)

    empty = client.post(submit_url(exercise), {"source_code": "", "mode": "submit"}, **JSON)
    bad_mode = client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "grade-me"}, **JSON)

    assert empty.status_code == 400 and "required" in empty.json()["error"]
    assert bad_mode.status_code == 400 and "mode" in bad_mode.json()["errors"]
    assert not Submission.objects.exists()


def test_rate_limit_answers_429_with_retry_after_for_fetch(client, learner, settings):
    settings.SUBMISSION_RATE = "2/d"  # a day: no window boundary mid-test
    exercise = ExerciseFactory()
    client.force_login(learner)

    codes = [
        client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "run"}, **JSON).status_code
        for _ in range(2)
    ]
    limited = client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "run"}, **JSON)

    assert codes == [202, 202]
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 24 * 3600
    assert "faster than the grader allows" in limited.json()["error"]
    assert Submission.objects.count() == 2


def test_rate_limit_answers_a_readable_429_page_for_forms(client, learner, settings):
    settings.SUBMISSION_RATE = "1/d"
    exercise = ExerciseFactory()
    client.force_login(learner)

    client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "submit"})
    limited = client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "submit"})

    html = limited.content.decode()
    assert limited.status_code == 429 and limited["Retry-After"]
    assert "Slow down" in html and "faster than the grader allows: wait " in html
    assert Submission.objects.count() == 1


@pytest.mark.parametrize(
    "seconds, shown", [(1, "1 second"), (45, "45 seconds"), (600, "10 minutes"), (7200, "2 hours")]
)
def test_rate_limit_message_says_how_long_to_wait(seconds, shown):
    from exercises.views.exercise import _duration

    assert _duration(seconds) == shown


def test_rate_limit_is_per_learner(client, learner, other_learner, settings):
    settings.SUBMISSION_RATE = "1/d"
    exercise = ExerciseFactory()
    client.force_login(learner)
    client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "run"}, **JSON)
    other = Client()
    other.force_login(other_learner)

    response = other.post(submit_url(exercise), {"source_code": RIGHT, "mode": "run"}, **JSON)

    assert response.status_code == 202


def test_anonymous_submit_is_redirected_to_login_or_401_for_fetch(client):
    exercise = ExerciseFactory()

    form = client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "submit"})
    fetch = client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "submit"}, **JSON)

    assert form.status_code == 302 and form["Location"].startswith("/accounts/login/")
    assert fetch.status_code == 401 and "Log in" in fetch.json()["error"]
    assert not Submission.objects.exists()


def test_submit_needs_post(client, learner):
    client.force_login(learner)

    assert client.get(submit_url(ExerciseFactory())).status_code == 405


def test_submit_without_csrf_token_is_refused(learner):
    exercise = ExerciseFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)

    response = client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "submit"}, **JSON)

    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_submit_with_the_csrf_header_is_accepted(learner):
    exercise = ExerciseFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    client.get(page_url(exercise))  # sets the CSRF cookie, as the browser would
    token = client.cookies["csrftoken"].value

    response = client.post(
        submit_url(exercise), {"source_code": RIGHT, "mode": "run"}, HTTP_X_CSRFTOKEN=token, **JSON
    )

    assert response.status_code == 202


# ---- drafts -----------------------------------------------------------------------------


def test_autosave_keeps_the_latest_draft(client, learner):
    exercise = ExerciseFactory()
    client.force_login(learner)

    client.post(draft_url(exercise), {"source_code": "first"}, **JSON)
    response = client.post(draft_url(exercise), {"source_code": "second\n"}, **JSON)

    assert response.status_code == 200 and response.json()["saved"] is True
    assert Draft.objects.get(learner=learner, exercise=exercise).source_code == "second\n"


def test_autosave_refuses_oversized_code(client, learner, settings):
    settings.SUBMISSION_MAX_BYTES = 10
    exercise = ExerciseFactory()
    client.force_login(learner)

    response = client.post(draft_url(exercise), {"source_code": "x" * 11}, **JSON)

    assert response.status_code == 400 and "limit is 10 bytes" in response.json()["error"]
    assert not Draft.objects.exists()


def test_autosave_needs_login_post_and_csrf(client, learner):
    exercise = ExerciseFactory()

    assert client.post(draft_url(exercise), {"source_code": "x"}).status_code == 401
    client.force_login(learner)
    assert client.get(draft_url(exercise)).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(learner)
    assert strict.post(draft_url(exercise), {"source_code": "x"}).status_code == 403
    assert not Draft.objects.exists()


def test_status_json_of_the_fetch_reply_is_valid_json(client, learner):
    exercise = ExerciseFactory()
    client.force_login(learner)

    response = client.post(submit_url(exercise), {"source_code": RIGHT, "mode": "submit"}, **JSON)

    assert json.loads(response.content)["headline"] == "Waiting for the grader…"


def test_browser_line_endings_are_stored_as_lf(client, learner):
    exercise = ExerciseFactory()
    client.force_login(learner)

    client.post(
        submit_url(exercise),
        {"source_code": "def double(x):\r\n    return 2 * x\r\n", "mode": "run"},
    )
    client.post(draft_url(exercise), {"source_code": "a\r\nb\rc"}, **JSON)

    assert Submission.objects.get().source_code == RIGHT
    assert Draft.objects.get().source_code == "a\nb\nc"
