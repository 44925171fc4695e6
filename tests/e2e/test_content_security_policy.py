"""The Content-Security-Policy in a real browser: sent on pages and admin, inline script
refused, and the shared fixture (tests/e2e/conftest.py) reporting any violation."""

import pytest

from tests.e2e.course import build_e2e_course
from tests.e2e.test_instructor import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_an_inline_script_is_refused_and_reported(new_page, shots):
    page = new_page()
    response = page.goto("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "object-src 'none'" in policy
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__inlineRan = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_function("() => document.readyState === 'complete'")
    assert page.evaluate("() => window.__inlineRan === undefined")
    page.wait_for_timeout(300)  # the violation event reaches the test asynchronously
    assert any("script-src" in violation for violation in page.csp_violations)
    shots(page, "course-list-with-csp")
    page.csp_violations.clear()  # provoked on purpose: not a failure of this page


def test_admin_pages_carry_the_policy_and_run_without_violations(new_page, e2e_staff, shots):
    data = build_e2e_course()
    page = new_page()
    log_in(page, e2e_staff.username)
    paths = [
        "/admin/",
        "/admin/lessons/lesson/",
        f"/admin/lessons/lesson/{data.lesson.pk}/change/",
        "/admin/lessons/lesson/add/",
        "/admin/exercises/exercise/",
        f"/admin/exercises/exercise/{data.exercise.pk}/change/",
        "/admin/exercises/submission/",
        "/admin/auth/user/",
        "/admin/accounts/apitoken/",
    ]
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
    shots(page, "admin-token-list")
    assert page.csp_violations == []
