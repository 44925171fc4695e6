import pytest
from django.test import Client
from django.urls import reverse

from lessons import views
from lessons.templatetags.course_ui import optional_static, percent, progress_ring
from tests.factories import ExerciseFactory

pytestmark = pytest.mark.django_db


def test_404_uses_the_site_template(client):
    response = client.get("/no/such/page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "This page does not exist" in html and "Skip to content" in html


def test_500_uses_the_self_contained_template(monkeypatch):
    def explode(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "course_cards", explode)
    client = Client(raise_request_exception=False)

    response = client.get(reverse("lessons:course_list"))

    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html
    assert "boom" not in html and "Traceback" not in html


def test_editor_bundle_is_optional(client, learner, settings, tmp_path):
    exercise = ExerciseFactory()
    client.force_login(learner)
    settings.STATICFILES_DIRS = [tmp_path]  # a static folder without the built vendor/ bundle

    html = client.get(reverse("exercises:exercise_detail", args=[exercise.slug])).content.decode()

    assert "vendor/editor/editor.js" not in html
    assert "data-code-editor" in html  # the textarea still works as the editor


def test_optional_static_finds_a_present_file_and_not_a_missing_one():
    assert optional_static("css/base.css") == "/static/css/base.css"
    assert optional_static("vendor/not-built.js") == ""


@pytest.mark.parametrize(
    "value, shown", [(0, "0%"), (0.333, "33%"), (0.995, "100%"), (1.4, "100%"), (None, "–")]
)
def test_percent(value, shown):
    assert percent(value) == shown


def test_progress_ring_context():
    ring = progress_ring(3, 4, "lg", "done")

    assert (ring["percent"], ring["dash"], ring["complete"]) == ("75%", "75.00", False)
    assert progress_ring(0, 0)["percent"] == "0%"
    assert progress_ring(2, 2)["complete"] is True


def test_markdown_filter_accepts_non_text_hints():
    from lessons.templatetags.course_ui import markdown_filter

    assert markdown_filter(None) == ""
    assert "{'a': 1}" in markdown_filter({"a": 1}).replace("&#x27;", "'").replace("&#39;", "'")
