import pytest
from django.test import Client
from django.urls import reverse

from lessons.models import LessonCompletion
from tests.factories import CourseFactory, ExerciseFactory, LessonFactory, StageFactory
from tests.lessons.builders import build_course, complete, solve

pytestmark = pytest.mark.django_db


def lesson_url(lesson):
    return reverse("lessons:lesson_detail", args=[lesson.course.slug, lesson.slug])


def completion_url(lesson):
    return reverse("lessons:lesson_completion", args=[lesson.course.slug, lesson.slug])


def test_lesson_body_is_rendered_markdown_with_math_for_katex(client):
    lesson = LessonFactory(body="## Why\n\nThe norm $\\|x\\|_2$ matters.\n\n```python\nx = 1\n```")

    response = client.get(lesson_url(lesson))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="md-why">Why</h2>' in html
    assert '<span class="math math-inline">\\|x\\|_2</span>' in html
    assert '<pre class="highlight" data-lang="python" data-block="1"><code>' in html
    assert "katex" in html  # the KaTeX assets (or, without the bundle, math.js) are loaded


def test_script_in_a_lesson_body_never_reaches_the_page(client):
    lesson = LessonFactory(
        body='Hi <script>alert("pwned")</script> <img src=x onerror=alert(1)> '
        "[x](javascript:alert(2))"
    )

    html = client.get(lesson_url(lesson)).content.decode()

    assert 'alert("pwned")' not in html
    assert "onerror" not in html
    assert 'href="javascript:' not in html


def test_previous_and_next_run_across_stages_in_roadmap_order(client):
    built = build_course(stages=2, lessons_per_stage=2, exercises_per_lesson=0, loose_per_stage=0)
    first, second, third, fourth = built.lessons

    html = client.get(lesson_url(second)).content.decode()
    assert f'href="{lesson_url(first)}" rel="prev"' in html
    assert f'href="{lesson_url(third)}" rel="next"' in html  # the next stage's first lesson

    first_html = client.get(lesson_url(first)).content.decode()
    assert 'rel="prev"' not in first_html
    last_html = client.get(lesson_url(fourth)).content.decode()
    assert 'rel="next"' not in last_html


def test_unpublished_lessons_are_skipped_by_the_pager(client):
    course = CourseFactory()
    stage = StageFactory(course=course)
    one = LessonFactory(stage=stage, course=course, order=1)
    LessonFactory(stage=stage, course=course, order=2, is_published=False)
    three = LessonFactory(stage=stage, course=course, order=3)

    html = client.get(lesson_url(one)).content.decode()

    assert f'href="{lesson_url(three)}" rel="next"' in html


def test_lessons_exercises_are_listed_at_the_end_with_markers(client, learner):
    lesson = LessonFactory(body="Read me.")
    solved = ExerciseFactory(stage=lesson.stage, lesson=lesson, title="Solved one", order=1)
    ExerciseFactory(stage=lesson.stage, lesson=lesson, title="Open one", order=2)
    ExerciseFactory(stage=lesson.stage, lesson=lesson, title="Hidden one", is_published=False)
    solve(learner, solved)
    client.force_login(learner)

    html = client.get(lesson_url(lesson)).content.decode()

    assert html.index("Read me.") < html.index("Practise") < html.index("Solved one")
    assert html.index("Solved one") < html.index("Open one")
    assert "Hidden one" not in html
    assert html.count("marker--solved") == 1
    assert reverse("exercises:exercise_detail", args=[solved.slug]) in html


def test_anonymous_reader_is_invited_to_log_in_instead_of_a_completion_button(client):
    lesson = LessonFactory()

    html = client.get(lesson_url(lesson)).content.decode()

    assert "Mark as complete" not in html
    assert f"/accounts/login/?next={lesson_url(lesson)}" in html.replace("%2F", "/")


@pytest.mark.parametrize(
    "path",
    [
        "/courses/nope/lessons/nope/",
        "/courses/{course}/lessons/nope/",
        "/courses/{other}/lessons/{lesson}/",
    ],
)
def test_unknown_or_mismatched_lesson_is_a_404(client, path):
    lesson = LessonFactory()
    other = CourseFactory()

    url = path.format(course=lesson.course.slug, lesson=lesson.slug, other=other.slug)

    assert client.get(url).status_code == 404


def test_unpublished_lesson_and_lesson_of_unpublished_course_are_404(client):
    hidden = LessonFactory(is_published=False)
    course = CourseFactory(is_published=False)
    in_hidden_course = LessonFactory(stage=StageFactory(course=course), course=course)

    assert client.get(lesson_url(hidden)).status_code == 404
    assert client.get(lesson_url(in_hidden_course)).status_code == 404


def test_mark_as_complete_records_it_and_shows_it(client, learner):
    lesson = LessonFactory()
    client.force_login(learner)

    response = client.post(completion_url(lesson), {"completed": "1"})

    assert response.status_code == 302 and response["Location"] == lesson_url(lesson)
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    html = client.get(lesson_url(lesson)).content.decode()
    assert "Completed" in html and "Mark as not complete" in html


def test_mark_as_complete_is_idempotent(client, learner):
    lesson = LessonFactory()
    client.force_login(learner)

    client.post(completion_url(lesson), {"completed": "1"})
    client.post(completion_url(lesson), {"completed": "1"})

    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).count() == 1


def test_complete_and_continue_goes_to_the_next_lesson(client, learner):
    built = build_course(stages=1, lessons_per_stage=2, exercises_per_lesson=0, loose_per_stage=0)
    client.force_login(learner)

    response = client.post(
        completion_url(built.lessons[0]), {"completed": "1", "continue_to_next": "1"}
    )

    assert response["Location"] == lesson_url(built.lessons[1])


def test_mark_as_not_complete_removes_it(client, learner):
    lesson = LessonFactory()
    complete(learner, lesson)
    client.force_login(learner)

    client.post(completion_url(lesson), {"completed": "0"})

    assert not LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


def test_garbled_completion_request_changes_nothing(client, learner):
    lesson = LessonFactory()
    client.force_login(learner)

    response = client.post(completion_url(lesson), {"completed": "maybe"})

    assert response.status_code == 302
    assert not LessonCompletion.objects.exists()


def test_anonymous_completion_redirects_to_login_and_back_to_the_lesson(client):
    lesson = LessonFactory()

    response = client.post(completion_url(lesson), {"completed": "1"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "lessons" in response["Location"] and "completion" not in response["Location"]
    assert not LessonCompletion.objects.exists()


def test_completion_needs_post(client, learner):
    client.force_login(learner)

    assert client.get(completion_url(LessonFactory())).status_code == 405


def test_completion_without_csrf_token_is_refused(learner):
    lesson = LessonFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)

    response = client.post(completion_url(lesson), {"completed": "1"})

    assert response.status_code == 403
    assert "could not be verified" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_completion_form_carries_a_csrf_token(client, learner):
    lesson = LessonFactory()
    client.force_login(learner)

    html = client.get(lesson_url(lesson)).content.decode()

    form = html[html.index('class="completion-form"') :]
    assert 'name="csrfmiddlewaretoken"' in form[: form.index("</form>")]
