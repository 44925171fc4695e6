"""An instructor edits a lesson in the admin; a learner sees the change. Staff pages."""

import pytest
from playwright.sync_api import expect

from tests.e2e.course import build_e2e_course
from tests.lessons.builders import solve

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, username, password="correct-horse-42"):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_instructor_edits_a_lesson_and_the_learner_sees_it(new_page, e2e_staff, e2e_learner, shots):
    data = build_e2e_course()
    lesson_path = f"/courses/{data.course.slug}/lessons/{data.lesson.slug}/"
    learner = new_page()
    log_in(learner, e2e_learner.username)
    learner.goto(lesson_path)
    expect(learner.get_by_text("Vectors are the data structure")).to_be_visible()

    instructor = new_page()
    log_in(instructor, e2e_staff.username)
    instructor.goto(f"/admin/lessons/lesson/{data.lesson.pk}/change/")
    body = instructor.locator("#id_body")
    body.fill(
        "Updated by the instructor: the **cosine similarity** is "
        "$\\cos\\theta = \\frac{u \\cdot v}{\\|u\\|\\,\\|v\\|}$.\n\n## Check yourself\n\nWhy?"
    )
    instructor.get_by_role("button", name="Preview the body as edited").click()
    preview = instructor.locator("[data-preview-output]")
    expect(preview.locator("strong")).to_have_text("cosine similarity")
    expect(preview.locator(".katex")).to_have_count(1)
    shots(instructor, "admin-lesson-preview")
    instructor.get_by_role("button", name="Save", exact=True).click()
    expect(instructor.get_by_text("was changed successfully")).to_be_visible()

    learner.reload()
    expect(learner.get_by_text("Updated by the instructor")).to_be_visible()
    expect(learner.locator("#lesson-body .katex")).to_have_count(1)
    expect(learner.get_by_text("Vectors are the data structure")).to_have_count(0)
    shots(learner, "learner-sees-the-edit")
    assert learner.js_errors == [] and instructor.js_errors == []


def test_instructor_reads_the_gradebook_and_exercise_admin(new_page, e2e_staff, e2e_learner, shots):
    data = build_e2e_course()
    solve(e2e_learner, data.exercise)
    page = new_page()
    log_in(page, e2e_staff.username)

    page.goto(f"/courses/{data.course.slug}/")
    # The course page's own link (the header has one too, for every page).
    page.get_by_role("main").get_by_role("link", name="Gradebook").click()
    expect(page.get_by_role("rowheader", name=e2e_learner.username)).to_be_visible()
    expect(
        page.get_by_role(
            "link", name=f"{e2e_learner.username} on Double a vector: best 100%, 1 submission"
        )
    ).to_be_visible()
    shots(page, "gradebook")

    page.goto(f"/admin/exercises/exercise/{data.exercise.pk}/change/")
    expect(page.get_by_role("button", name="Validate exercise")).to_be_visible()
    shots(page, "admin-exercise", full_page=False)
