"""Brute force and abuse limits (issue 8, item 2): every refusal is a 429 with Retry-After,
JSON on the API and to the page's fetch() calls, a readable page otherwise."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from accounts.services import token_create
from courseplatform.client_address import client_address
from exercises.models import Draft, Submission
from tests.factories import ExerciseFactory
from tests.lessons.web import learner, make_staff, make_user, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-42"
RIGHT = "import numpy as np\n\ndef double(x):\n    return 2 * x\n"


def login(client, username, password, path=None):
    return client.post(path or reverse("login"), {"username": username, "password": password})


# ---- login lockout (django-axes) -----------------------------------------------------------


def test_after_the_failure_limit_even_the_right_password_is_refused_with_429(learner, settings):
    client = Client(REMOTE_ADDR="203.0.113.7")

    wrong = [login(client, learner.username, "wrong").status_code for _ in range(40)]
    right = login(client, learner.username, PASSWORD)

    assert wrong[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(wrong[settings.AXES_FAILURE_LIMIT :]) == {429}
    assert right.status_code == 429
    assert int(right["Retry-After"]) == int(settings.AXES_COOLOFF_TIME.total_seconds())
    html = right.content.decode()
    assert "Slow down" in html and "Too many wrong passwords" in html
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_address_so_the_learner_can_still_log_in_elsewhere(learner, settings):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(attacker, learner.username, "wrong")
    at_home = Client(REMOTE_ADDR="198.51.100.20")

    response = login(at_home, learner.username, PASSWORD)

    assert response.status_code == 302 and "_auth_user_id" in at_home.session


def test_the_admin_login_is_throttled_too(settings):
    staff = make_staff()
    client = Client(REMOTE_ADDR="203.0.113.7")
    path = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        login(client, staff.username, "wrong", path)

    response = login(client, staff.username, PASSWORD, path)

    assert response.status_code == 429 and response["Retry-After"]
    assert "_auth_user_id" not in client.session


# ---- sign-up per address -------------------------------------------------------------------


def signup(client, n):
    password = "a-much-better-passphrase-7"
    return client.post(
        reverse("accounts:signup"),
        {
            "username": f"bot{n}",
            "email": f"bot{n}@example.org",
            "password1": password,
            "password2": password,
        },
    )


def test_signups_are_limited_per_address(settings):
    settings.SIGNUP_RATE_PER_ADDRESS = "3/d"
    client = Client(REMOTE_ADDR="203.0.113.7")

    allowed = [signup(client, n).status_code for n in range(3)]
    refused = signup(client, 3)
    elsewhere = signup(Client(REMOTE_ADDR="198.51.100.20"), 4)

    assert allowed == [200, 200, 200] and elsewhere.status_code == 200
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 24 * 3600
    assert "Too many accounts" in refused.content.decode()
    assert sorted(get_user_model().objects.values_list("username", flat=True)) == [
        "bot0",
        "bot1",
        "bot2",
        "bot4",
    ]


def test_an_invalid_signup_costs_nothing(settings):
    settings.SIGNUP_RATE_PER_ADDRESS = "1/d"
    client = Client(REMOTE_ADDR="203.0.113.7")

    typo = client.post(reverse("accounts:signup"), {"username": "ada", "email": "nope"})
    ok = signup(client, 1)

    assert typo.status_code == 400 and ok.status_code == 200


# ---- submissions and runs: per learner and per address -------------------------------------


JSON = {"HTTP_ACCEPT": "application/json"}


def submit(client, exercise, mode="run"):
    url = reverse("exercises:submission_create", args=[exercise.slug])
    return client.post(url, {"source_code": RIGHT, "mode": mode}, **JSON)


def test_a_new_account_does_not_reset_the_submission_limit_of_an_address(settings):
    settings.SUBMISSION_RATE = "5/d"
    settings.SUBMISSION_RATE_PER_ADDRESS = "3/d"
    exercise = ExerciseFactory()
    clients = []
    for _ in range(3):
        client = Client(REMOTE_ADDR="203.0.113.7")
        client.force_login(make_user())
        clients.append(client)

    codes = [submit(clients[0], exercise).status_code, submit(clients[1], exercise).status_code]
    codes.append(submit(clients[2], exercise, mode="submit").status_code)
    refused = submit(clients[2], exercise)

    assert codes == [202, 202, 202]
    assert refused.status_code == 429 and refused["Retry-After"]
    assert refused.json()["retry_after"] == int(refused["Retry-After"])
    assert Submission.objects.count() == 3


def test_the_api_shares_the_per_address_limit_and_answers_json(settings):
    settings.SUBMISSION_RATE_PER_ADDRESS = "1/d"
    exercise = ExerciseFactory(stage__course__is_published=True)
    page = Client(REMOTE_ADDR="203.0.113.7")
    page.force_login(make_user())
    submit(page, exercise)
    _, raw = token_create(user=make_user(), name="cli")
    api = Client(REMOTE_ADDR="203.0.113.7", HTTP_AUTHORIZATION=f"Bearer {raw}")

    response = api.post(
        f"/api/exercises/{exercise.slug}/submissions/",
        {"source_code": RIGHT},
        content_type="application/json",
    )

    assert response.status_code == 429, response.content
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["retry_after"] == int(response["Retry-After"])


# ---- draft autosave ------------------------------------------------------------------------


def test_draft_autosave_is_limited_per_learner(client, learner, settings):
    settings.DRAFT_RATE = "2/d"
    exercise = ExerciseFactory()
    client.force_login(learner)
    url = reverse("exercises:draft_autosave", args=[exercise.slug])

    saved = [client.post(url, {"source_code": f"x = {n}"}).status_code for n in range(2)]
    refused = client.post(url, {"source_code": "x = 3"})

    assert saved == [200, 200]
    assert refused.status_code == 429 and refused["Retry-After"]
    assert refused.json()["retry_after"] == int(refused["Retry-After"])
    assert Draft.objects.get().source_code == "x = 1"


# ---- the client address behind proxies -----------------------------------------------------


def _request(remote="10.0.0.2", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.9", "10.0.0.2"),  # no trusted proxy: the header is the client's word
        (1, "198.51.100.9", "198.51.100.9"),
        (1, "6.6.6.6, 198.51.100.9", "198.51.100.9"),  # a forged entry left of the real one
        (2, "6.6.6.6, 198.51.100.9, 10.0.0.1", "198.51.100.9"),
        (2, "198.51.100.9", "198.51.100.9"),  # fewer entries than proxies: the leftmost
        (1, "not-an-address", "10.0.0.2"),
        (1, "", "10.0.0.2"),
        (1, None, "10.0.0.2"),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_client_address_trusts_only_the_configured_proxies(proxies, forwarded, expected):
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_address(_request(forwarded=forwarded)) == expected


def test_behind_a_proxy_two_learners_are_two_addresses(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SIGNUP_RATE_PER_ADDRESS = "1/d"
    first = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9")
    second = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.10")

    assert signup(first, 1).status_code == 200
    assert signup(second, 2).status_code == 200
    assert signup(first, 3).status_code == 429


# ---- wrong passwords per address, across usernames (password spraying) ---------------------


def test_one_address_cannot_spray_a_password_over_many_accounts(settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = "4/d"
    victims = [make_user() for _ in range(6)]
    sprayer = Client(REMOTE_ADDR="203.0.113.7")

    tries = [login(sprayer, user.username, "Summer2026!").status_code for user in victims[:4]]
    refused = login(sprayer, victims[4].username, PASSWORD)  # even a right password
    admin = login(sprayer, victims[5].username, PASSWORD, reverse("admin:login"))
    elsewhere = login(Client(REMOTE_ADDR="198.51.100.20"), victims[4].username, PASSWORD)

    assert tries == [200] * 4
    assert refused.status_code == admin.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 24 * 3600
    assert "Too many wrong passwords from your network" in refused.content.decode()
    assert "_auth_user_id" not in sprayer.session
    assert elsewhere.status_code == 302


def test_right_passwords_do_not_count_against_the_address(settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = "2/d"
    users = [make_user() for _ in range(4)]

    codes = [
        login(Client(REMOTE_ADDR="203.0.113.7"), u.username, PASSWORD).status_code for u in users
    ]

    assert codes == [302] * 4
