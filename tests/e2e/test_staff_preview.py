"""An instructor reaches the gradebook from the header and previews unpublished items on the
learners' pages, with a banner; a learner gets "Page not found" for the same pages."""

import pytest
from playwright.sync_api import expect

from tests.e2e.course import build_e2e_course
from tests.e2e.test_instructor import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_instructor_uses_the_header_gradebook_and_previews_unpublished_items(
    new_page, e2e_staff, e2e_learner, shots
):
    data = build_e2e_course()
    data.second_lesson.is_published = False
    data.second_lesson.save()
    data.exercise.is_published = False
    data.exercise.save()
    lesson_path = f"/courses/{data.course.slug}/lessons/{data.second_lesson.slug}/"
    exercise_path = f"/exercises/{data.exercise.slug}/"

    page = new_page()
    log_in(page, e2e_staff.username)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Gradebook").click()
    expect(page.get_by_role("heading", name="Gradebook")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Gradebook")
    ).to_have_attribute("aria-current", "page")
    shots(page, "gradebook-from-the-header", full_page=False)

    page.goto(lesson_path)
    banner = page.locator("[data-preview-banner]")
    expect(banner).to_contain_text("This lesson is unpublished")
    expect(banner).to_contain_text("learners cannot see this page")
    shots(page, "preview-unpublished-lesson", full_page=False)
    page.goto(exercise_path)
    expect(page.locator("[data-preview-banner]")).to_contain_text("This exercise is unpublished")
    expect(page.locator(".cm-content")).to_be_visible()
    shots(page, "preview-unpublished-exercise", full_page=False)

    learner = new_page()
    log_in(learner, e2e_learner.username)
    expect(learner.get_by_role("link", name="Gradebook")).to_have_count(0)
    assert learner.goto(lesson_path).status == 404
    assert learner.goto(exercise_path).status == 404
    shots(learner, "learner-gets-not-found", full_page=False)
    assert page.js_errors == [] and learner.js_errors == []
