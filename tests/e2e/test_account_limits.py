"""In a browser: the login lockout page, and the password change that revokes tokens."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from accounts.models import ApiToken
from accounts.services import token_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEW_PASSWORD = "a-much-better-passphrase-7"


def try_login(page, username, password):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_response(re.compile(r"/accounts/login/$")) as answer:
        page.get_by_role("button", name="Log in").click()
    return answer.value


def test_wrong_passwords_lead_to_a_readable_429_page(new_page, e2e_learner, shots):
    page = new_page()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert try_login(page, e2e_learner.username, "wrong").status == 200
        expect(page.get_by_text("Please enter a correct username and password")).to_be_visible()

    locked = try_login(page, e2e_learner.username, "wrong")
    right = try_login(page, e2e_learner.username, "correct-horse-42")

    assert locked.status == right.status == 429
    assert int(right.headers["retry-after"]) > 0
    expect(page.get_by_role("heading", name="Slow down a little")).to_be_visible()
    expect(page.get_by_text("Too many wrong passwords")).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    shots(page, "login-locked-out")
    page.get_by_role("link", name="Reset your password").click()
    expect(page.get_by_role("heading", name=re.compile("password", re.I)).first).to_be_visible()


def test_changing_the_password_says_it_revokes_the_tokens(new_page, e2e_learner, shots):
    token_create(user=e2e_learner, name="laptop")
    page = new_page()
    try_login(page, e2e_learner.username, "correct-horse-42")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto("/accounts/password/change/")
    expect(page.get_by_text("Changing your password revokes your API tokens.")).to_be_visible()
    shots(page, "password-change-form")
    page.get_by_label("Old password").fill("correct-horse-42")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()

    expect(page.get_by_text("Your API tokens were revoked")).to_be_visible()
    assert not ApiToken.objects.active().exists()
    shots(page, "password-changed-tokens-revoked")
