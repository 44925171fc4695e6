"""Staff find the gradebook from the header and preview unpublished items on the learners'
own pages, with a banner; learners (and visitors) still get 404 for those."""

import pytest
from django.urls import reverse

from exercises.models import Submission
from tests.factories import CourseFactory
from tests.lessons.builders import build_course
from tests.lessons.web import learner, staff, web_settings  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

BANNER = "learners cannot see this page"


def lesson_url(lesson):
    return reverse("lessons:lesson_detail", args=[lesson.course.slug, lesson.slug])


def exercise_url(exercise):
    return reverse("exercises:exercise_detail", args=[exercise.slug])


@pytest.fixture
def hidden():
    """A published course with one unpublished lesson and one unpublished exercise."""
    built = build_course(stages=1, lessons_per_stage=2, loose_per_stage=0)
    lesson, exercise = built.lessons[1], built.exercises[0]
    lesson.is_published = False
    lesson.save()
    exercise.is_published = False
    exercise.save()
    return built, lesson, exercise


def test_staff_see_the_gradebook_in_the_header_and_learners_do_not(client, staff, learner):
    built = build_course(stages=1)
    client.force_login(staff)
    page = client.get(reverse("lessons:course_list")).content.decode()
    index = reverse("exercises:gradebook_index")
    assert f'<a href="{index}">Gradebook</a>' in page
    # One course: the header's link goes straight to its gradebook.
    response = client.get(index)
    assert response.status_code == 302
    assert response["Location"] == reverse("exercises:gradebook", args=[built.course.slug])

    client.force_login(learner)
    assert "Gradebook" not in client.get(reverse("lessons:course_list")).content.decode()
    assert client.get(index).status_code == 403


def test_with_several_courses_the_gradebook_link_lists_them(client, staff):
    first = CourseFactory(title="Alpha")
    second = CourseFactory(title="Beta", is_published=False)
    client.force_login(staff)
    response = client.get(reverse("exercises:gradebook_index"))
    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("exercises:gradebook", args=[first.slug]) in page
    assert reverse("exercises:gradebook", args=[second.slug]) in page
    assert page.index("Alpha") < page.index("Beta") and "unpublished" in page


def test_learners_and_visitors_get_404_for_unpublished_items(client, learner, hidden):
    _, lesson, exercise = hidden
    for who in (None, learner):
        if who:
            client.force_login(who)
        assert client.get(lesson_url(lesson)).status_code == 404
        assert client.get(exercise_url(exercise)).status_code == 404
    submit = reverse("exercises:submission_create", args=[exercise.slug])
    response = client.post(submit, {"source_code": "x = 1\n", "mode": "run"})
    assert response.status_code == 404
    assert not Submission.objects.exists()


def test_staff_preview_an_unpublished_lesson_with_a_banner(client, staff, hidden):
    built, lesson, _ = hidden
    client.force_login(staff)
    response = client.get(lesson_url(lesson))
    page = response.content.decode()
    assert response.status_code == 200
    assert "This lesson is unpublished" in page and BANNER in page
    assert reverse("admin:lessons_lesson_change", args=[lesson.pk]) in page
    published = client.get(lesson_url(built.lessons[0])).content.decode()
    assert BANNER not in published


def test_staff_preview_an_unpublished_exercise_and_can_try_it(client, staff, hidden):
    _, _, exercise = hidden
    client.force_login(staff)
    response = client.get(exercise_url(exercise))
    assert response.status_code == 200
    assert "This exercise is unpublished" in response.content.decode()
    submit = reverse("exercises:submission_create", args=[exercise.slug])
    response = client.post(
        submit, {"source_code": "x = 1\n", "mode": "run"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 202
    assert Submission.objects.get().learner == staff


def test_an_unpublished_course_is_previewed_by_staff_only(client, staff, learner):
    built = build_course(stages=1, is_published=False)
    url = reverse("lessons:course_detail", args=[built.course.slug])
    lesson = lesson_url(built.lessons[0])
    client.force_login(learner)
    assert client.get(url).status_code == 404
    assert client.get(lesson).status_code == 404
    client.force_login(staff)
    assert "This course is unpublished" in client.get(url).content.decode()
    assert "This lesson&#x27;s course is unpublished" in client.get(lesson).content.decode()
