"""The bundled course's lessons as a learner reads them: answers folded, exercises placed."""

import re

import pytest
from django.conf import settings

from exercises.course_io.reader import read_course
from lessons.markdown import exercise_directive_slugs, render_markdown_uncached

COURSE = read_course(settings.CONTENT_DIR / "genai-llm")
LESSONS = COURSE.lessons()


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.slug)
def test_check_yourself_answers_are_folded_until_the_learner_opens_them(lesson):
    html = render_markdown_uncached(lesson.body)
    check = html[html.index(">Check yourself</h2>") :]

    folded = re.search(r"<details[^>]*>\s*<summary>[^<]+</summary>(.*?)</details>", check, re.S)
    assert folded is not None, "the answers of 'Check yourself' are not in a <details>"
    assert "Answers" in folded.group(1)
    assert "Answers" not in check[: folded.start()]


def test_every_exercise_is_placed_in_the_lesson_that_teaches_it():
    placed = {slug for lesson in LESSONS for slug in exercise_directive_slugs(lesson.body)}
    by_lesson = {lesson.slug: set(exercise_directive_slugs(lesson.body)) for lesson in LESSONS}

    for entry in COURSE.exercises():
        assert entry.spec.slug in placed, f"{entry.spec.slug} is placed in no lesson"
        if entry.spec.lesson:
            assert entry.spec.slug in by_lesson[entry.spec.lesson], (
                f"{entry.spec.slug} is not placed in its own lesson {entry.spec.lesson}"
            )


def test_every_figure_is_shown_by_a_lesson_and_drawn_by_its_own_script():
    shown = {name for lesson in LESSONS for name in lesson.figures}
    files = sorted((settings.CONTENT_DIR / "genai-llm").glob("*/figures/*.png"))

    assert len(files) >= 20
    for path in files:
        assert path.name in shown, f"{path} is shown by no lesson"
        assert path.with_suffix(".py").is_file(), f"{path} has no script that draws it"
