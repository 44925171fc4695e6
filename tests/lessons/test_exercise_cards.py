"""Exercise cards placed in a lesson's text with `::exercise[SLUG]`."""

import pytest
from django.urls import reverse

from lessons.markdown import exercise_directive_slugs, render_markdown_uncached
from tests.factories import ExerciseFactory, LessonFactory, UserFactory
from tests.lessons.builders import solve

pytestmark = pytest.mark.django_db


def lesson_url(lesson):
    return reverse("lessons:lesson_detail", args=[lesson.course.slug, lesson.slug])


def test_directive_renders_a_slot_only_on_a_line_of_its_own_outside_code():
    text = (
        "Intro.\n\n::exercise[pca]\n\n```\n::exercise[in-code]\n```\n\n"
        "    ::exercise[indented-code]\n\nprose ::exercise[inline]\n"
    )

    html = render_markdown_uncached(text)

    assert exercise_directive_slugs(text) == ["pca"]
    assert html.count('class="exercise-slot"') == 1
    assert '<div class="exercise-slot">pca</div>' in html


def test_card_appears_where_the_lesson_places_it_with_the_learners_state(client):
    lesson = LessonFactory(body="## Before\n\nTaught here.\n\n::exercise[pick-me]\n\n## After\n")
    exercise = ExerciseFactory(stage=lesson.stage, slug="pick-me", title="Pick me")
    learner = UserFactory()
    solve(learner, exercise)
    client.force_login(learner)

    html = client.get(lesson_url(lesson)).content.decode()

    card_at = html.index('class="exercise-card exercise-card--solved"')
    assert html.index('id="md-before"') < card_at < html.index('id="md-after"')
    card = html[card_at : html.index("</aside>", card_at)]
    assert "Pick me" in card
    assert reverse("exercises:exercise_detail", args=["pick-me"]) in card
    assert "Solved" in card
    assert "exercise-slot" not in html


def test_card_of_an_unpublished_or_foreign_exercise_renders_nothing(client):
    lesson = LessonFactory(body="::exercise[hidden-one]\n\n::exercise[elsewhere]\n")
    ExerciseFactory(stage=lesson.stage, slug="hidden-one", title="Secret", is_published=False)
    ExerciseFactory(slug="elsewhere", title="Other course")  # a stage of another course

    html = client.get(lesson_url(lesson)).content.decode()

    assert "exercise-card" not in html
    assert "Secret" not in html
    assert "Other course" not in html
    assert "exercise-slot" not in html


def test_anonymous_reader_sees_the_card_without_a_state(client):
    lesson = LessonFactory(body="::exercise[open-one]\n")
    ExerciseFactory(stage=lesson.stage, slug="open-one", title="Open one")

    html = client.get(lesson_url(lesson)).content.decode()

    assert 'class="exercise-card exercise-card--new"' in html
    assert "Try it now" in html
    assert "Not attempted yet" not in html
