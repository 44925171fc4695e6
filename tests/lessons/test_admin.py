import pytest
from django.test import Client
from django.urls import reverse

from lessons.models import Lesson
from tests.factories import CourseFactory, LessonFactory, StageFactory
from tests.lessons.builders import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_(client, staff):
    client.force_login(staff)
    return client


def test_lesson_change_page_has_a_rendered_sanitised_preview(admin_client_):
    lesson = LessonFactory(body="## Part\n\nMath $a^2$ <script>alert(1)</script>")

    html = admin_client_.get(
        reverse("admin:lessons_lesson_change", args=[lesson.pk])
    ).content.decode()

    assert '<div class="md-preview prose"><h2 id="md-part">Part</h2>' in html
    assert '<span class="math math-inline">a^2</span>' in html
    assert "<script>alert(1)</script>" not in html
    assert reverse("admin:lessons_lesson_preview") in html


def test_live_preview_renders_the_posted_text(admin_client_):
    response = admin_client_.post(
        reverse("admin:lessons_lesson_preview"), {"text": "**bold** <img src=x onerror=alert(1)>"}
    )

    html = response.json()["html"]
    assert "<strong>bold</strong>" in html and "onerror" not in html


def test_live_preview_is_post_only_staff_only_and_csrf_checked(client, learner, staff):
    url = reverse("admin:lessons_lesson_preview")
    client.force_login(learner)
    assert client.post(url, {"text": "x"}).status_code == 302  # to the admin login

    client.force_login(staff)
    assert client.get(url).status_code == 405

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff)
    assert strict.post(url, {"text": "x"}).status_code == 403


def test_instructor_edits_a_lesson_in_admin_and_learners_see_it(admin_client_, client):
    lesson = LessonFactory(title="Vectors", body="Old text.")
    url = reverse("admin:lessons_lesson_change", args=[lesson.pk])

    response = admin_client_.post(
        url,
        {
            "course": lesson.course.pk,
            "stage": lesson.stage.pk,
            "slug": lesson.slug,
            "title": "Vectors, revised",
            "order": lesson.order,
            "is_published": "on",
            "body": "New text with $v$.",
            "figures-TOTAL_FORMS": "0",
            "figures-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.body == "New text with $v$."
    page = Client().get(reverse("lessons:lesson_detail", args=[lesson.course.slug, lesson.slug]))
    assert "New text with" in page.content.decode() and "Vectors, revised" in page.content.decode()


@pytest.mark.parametrize("name", ["course", "stage", "lesson", "lessoncompletion"])
def test_changelists_and_add_forms_load(admin_client_, name, learner):
    lesson = LessonFactory()
    complete(learner, lesson)

    changelist = admin_client_.get(reverse(f"admin:lessons_{name}_changelist"))

    assert changelist.status_code == 200
    if name != "lessoncompletion":
        assert admin_client_.get(reverse(f"admin:lessons_{name}_add")).status_code == 200


def test_course_page_lists_its_stages_inline(admin_client_):
    course = CourseFactory()
    StageFactory(course=course, title="Foundations")

    html = admin_client_.get(
        reverse("admin:lessons_course_change", args=[course.pk])
    ).content.decode()

    assert "Foundations" in html


def test_completions_are_read_only(admin_client_, learner):
    completion = complete(learner, LessonFactory())

    response = admin_client_.post(
        reverse("admin:lessons_lessoncompletion_change", args=[completion.pk]), {}
    )

    assert response.status_code == 403
    assert Lesson.objects.count() == 1


def test_lesson_runs_are_listed_read_only_for_staff(admin_client_, learner):
    from lessons.models import LessonRun

    run = LessonRun.objects.create(
        learner=learner, lesson=LessonFactory(), block=1, source="print('from the learner')"
    )

    changelist = admin_client_.get(reverse("admin:lessons_lessonrun_changelist"))
    detail = admin_client_.get(reverse("admin:lessons_lessonrun_change", args=[run.pk]))

    assert changelist.status_code == 200 and learner.username in changelist.content.decode()
    assert detail.status_code == 200 and "from the learner" in detail.content.decode()
    assert admin_client_.get(reverse("admin:lessons_lessonrun_add")).status_code == 403
