"""Every response carries the Content-Security-Policy; only the exercise page gets a nonce,
and only for styles (the browser side is tests/e2e/test_content_security_policy.py)."""

import re

import pytest
from django.urls import reverse

from tests.courses.helpers import MINI_COURSE, load
from tests.lessons.web import learner, web_settings  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()
    }


def test_pages_admin_and_api_all_carry_a_policy_without_inline_script(client, learner):
    load(MINI_COURSE)
    client.force_login(learner)
    for url in ("/", "/courses/mini/", "/admin/login/", "/api/courses/", "/no-such-page/"):
        directives = policy(client.get(url))
        assert directives["script-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert not any("nonce" in value for value in directives["style-src"]), url


def test_the_exercise_page_admits_the_editors_style_element_by_a_fresh_nonce(client, learner):
    load(MINI_COURSE)
    client.force_login(learner)
    url = reverse("exercises:exercise_detail", args=["double"])
    nonces = []
    for _ in range(2):
        response = client.get(url)
        nonce = re.search(r"'nonce-([^']+)'", " ".join(policy(response)["style-src"])).group(1)
        page = response.content.decode()
        if "vendor/editor/editor.js" in page:  # the bundle is built (scripts/frontend.sh)
            assert f'<meta name="csp-style-nonce" content="{nonce}">' in page
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
    assert "nonce" not in " ".join(policy(response)["script-src"])
