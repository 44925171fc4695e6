"""Reading a lesson in the browser: figures, exercise cards in the text, folded answers,
and the dark theme that follows the system setting on every page type."""

import re

import pytest
from playwright.sync_api import expect

from lessons.services import lesson_figure_store
from tests.e2e.course import build_e2e_course
from tests.e2e.test_account_pages import log_in
from tests.lessons.test_figures import png

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BODY = """
Vectors are lists of numbers.

## The norm

The norm $\\|x\\|_2$ is the length of the arrow.

![A grey square standing in for a plot of vector lengths](figures/norms.png)

Doubling a vector doubles its norm.

::exercise[double]

## Check yourself

1. What is the norm of (6, 8)?

<details class="answers">
<summary>Show the answers</summary>

Answers: (1) 10.

</details>
"""


def luminance(css_colour: str) -> float:
    red, green, blue = (int(v) for v in re.findall(r"\d+", css_colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def background(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e).backgroundColor")


def colour(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e).color")


@pytest.fixture
def reading_course(transactional_db):
    built = build_e2e_course()
    built.lesson.body = BODY
    built.lesson.save()
    lesson_figure_store(lesson=built.lesson, name="norms.png", data=png(320, 160, colour=150))
    return built


def test_a_lesson_shows_its_figure_places_the_exercise_and_folds_the_answers(
    new_page, e2e_learner, reading_course, shots
):
    page = new_page()
    log_in(page, e2e_learner.username)
    page.goto(f"/courses/{reading_course.course.slug}/lessons/{reading_course.lesson.slug}/")

    figure = page.get_by_role("img", name="A grey square standing in for a plot of vector lengths")
    expect(figure).to_be_visible()
    assert figure.evaluate("img => img.naturalWidth") == 320
    card = page.get_by_role("complementary", name="Exercise: Double a vector")
    expect(card).to_contain_text("Not attempted yet")
    body_text = page.locator("#lesson-body").inner_text()
    assert body_text.index("Doubling a vector") < body_text.index("Double a vector")
    assert body_text.index("Double a vector") < body_text.index("Check yourself")
    answers = page.get_by_text("Answers: (1) 10.")
    expect(answers).to_be_hidden()
    shots(page, "lesson-light")

    page.get_by_text("Show the answers").click()
    expect(answers).to_be_visible()
    card.get_by_role("link", name=re.compile("Try it now")).click()
    expect(page).to_have_url(re.compile(r"/exercises/double/$"))
    assert page.js_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_follows_the_system_colour_scheme(
    new_page, e2e_learner, reading_course, shots, scheme
):
    page = new_page(color_scheme=scheme)
    log_in(page, e2e_learner.username)
    lesson_url = f"/courses/{reading_course.course.slug}/lessons/{reading_course.lesson.slug}/"
    pages = {
        "course": f"/courses/{reading_course.course.slug}/",
        "lesson": lesson_url,
        "exercise": "/exercises/double/",
        "progress": "/exercises/progress/",
        "profile": "/accounts/profile/",
    }
    for label, url in pages.items():
        page.goto(url)
        page_background = luminance(background(page, "body"))
        text = luminance(colour(page, "body"))
        if scheme == "dark":
            assert page_background < 0.15 and text > 0.8, (label, page_background, text)
        else:
            assert page_background > 0.9 and text < 0.25, (label, page_background, text)
        shots(page, f"{label}-{scheme}", full_page=False)

    page.goto("/exercises/double/")
    expect(page.locator(".cm-editor")).to_be_visible()
    editor = luminance(background(page, ".cm-editor"))
    keyword = page.locator(".cm-content span").filter(has_text="def").first
    assert (editor < 0.15) == (scheme == "dark")
    assert (luminance(colour(page, ".cm-content")) > 0.8) == (scheme == "dark")
    assert keyword.evaluate("e => getComputedStyle(e).color") != colour(page, ".cm-content")
    page.goto(lesson_url)
    math = luminance(colour(page, ".katex, .math"))
    assert (math > 0.8) == (scheme == "dark")
    assert page.js_errors == []
