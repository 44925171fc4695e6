import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import ApiToken
from accounts.services import token_create
from tests.lessons.web import learner, make_user, other_learner, staff, web_settings  # noqa: F401

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-42"
NEW_PASSWORD = "a-much-better-passphrase-7"


def signup_data(**changes):
    data = {
        "username": "ada",
        "email": "ada@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    data.update(changes)
    return data


# ---- sign up, log in, log out ----------------------------------------------------------


def _link(message) -> str:
    return re.search(r"http://testserver(/accounts/\S+)", message.body).group(1)


def test_signup_sends_an_activation_link_that_logs_in(client):
    response = client.post(reverse("accounts:signup"), signup_data())

    user = get_user_model().objects.get(username="ada")
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    assert not user.is_active and user.email == "ada@example.org"
    assert mail.outbox[0].to == ["ada@example.org"]
    assert "Activate your account" in mail.outbox[0].subject
    activated = client.get(_link(mail.outbox[0]))
    assert activated.status_code == 302 and activated["Location"] == reverse("lessons:course_list")
    user.refresh_from_db()
    assert user.is_active and user.check_password(NEW_PASSWORD)
    assert "Welcome, ada!" in client.get(activated["Location"]).content.decode()
    assert client.get(reverse("accounts:profile")).status_code == 200
    again = Client().get(_link(mail.outbox[0]))
    assert again.status_code == 400 and "This link no longer works" in again.content.decode()


def test_activation_returns_to_a_safe_next_and_ignores_an_offsite_one(client):
    client.post(reverse("accounts:signup"), signup_data(next="/exercises/softmax/?tab=1"))
    Client().post(
        reverse("accounts:signup"),
        signup_data(username="bob", email="bob@example.org", next="https://evil.example/"),
    )

    safe = Client().get(_link(mail.outbox[0]))
    offsite = Client().get(_link(mail.outbox[1]))

    assert safe["Location"] == "/exercises/softmax/?tab=1"
    assert "evil" not in mail.outbox[1].body
    assert offsite["Location"] == reverse("lessons:course_list")


def test_an_inactive_account_cannot_log_in(client):
    client.post(reverse("accounts:signup"), signup_data())

    response = client.post(reverse("login"), {"username": "ada", "password": NEW_PASSWORD})

    assert response.status_code == 200 and "_auth_user_id" not in client.session


def test_signup_with_a_known_address_answers_the_same_and_tells_the_owner(client, learner):
    fresh = Client().post(reverse("accounts:signup"), signup_data())
    known = client.post(
        reverse("accounts:signup"), signup_data(username="mallory", email=learner.email.upper())
    )

    def page(response):
        return response.content.decode().replace("ada@example.org", "ADDRESS").replace(
            learner.email.upper(), "ADDRESS"
        )

    assert known.status_code == fresh.status_code == 200
    assert page(known) == page(fresh)
    assert not get_user_model().objects.filter(username="mallory").exists()
    to_owner = mail.outbox[1]
    assert to_owner.to == [learner.email.upper()]
    assert "already have an account" in to_owner.subject
    assert learner.username in to_owner.body and "/accounts/password/reset/" in to_owner.body


def test_a_pending_signup_does_not_keep_the_address(client):
    Client().post(reverse("accounts:signup"), signup_data(username="squatter"))

    client.post(reverse("accounts:signup"), signup_data(username="owner"))

    users = get_user_model().objects.filter(email__iexact="ada@example.org")
    assert list(users.values_list("username", flat=True)) == ["owner"]
    assert "Activate" in mail.outbox[1].subject


def test_email_is_unique_case_insensitively_in_the_database(learner):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        get_user_model().objects.create_user("copy", email=learner.email.upper())
    # Accounts without an address (createsuperuser allows it) do not collide.
    get_user_model().objects.create_user("a", email="")
    get_user_model().objects.create_user("b", email="")


def test_signup_page_has_labelled_fields_and_csrf(client):
    html = client.get(reverse("accounts:signup")).content.decode()

    for field in ("username", "email", "password1", "password2"):
        assert f'<label for="id_{field}">' in html
    assert 'name="csrfmiddlewaretoken"' in html


@pytest.mark.parametrize(
    "changes, error",
    [
        ({"password2": "something-else-entirely"}, "didn’t match"),
        ({"email": "not-an-email"}, "valid email"),
        ({"password1": "123", "password2": "123"}, "too short"),
        ({"username": ""}, "required"),
    ],
)
def test_signup_errors_are_shown_next_to_the_fields(client, changes, error):
    response = client.post(reverse("accounts:signup"), signup_data(**changes))

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not get_user_model().objects.filter(username="ada").exists()


def test_signup_refuses_a_taken_username(client, learner):
    by_name = client.post(reverse("accounts:signup"), signup_data(username=learner.username))

    assert by_name.status_code == 400 and "already exists" in by_name.content.decode()


def test_signed_in_user_visiting_signup_goes_home(client, learner):
    client.force_login(learner)

    assert client.get(reverse("accounts:signup"))["Location"] == reverse("lessons:course_list")


def test_login_and_logout(client, learner):
    page = client.get(reverse("login"))
    response = client.post(reverse("login"), {"username": learner.username, "password": PASSWORD})

    assert page.status_code == 200 and 'name="csrfmiddlewaretoken"' in page.content.decode()
    assert response.status_code == 302 and response["Location"] == reverse("lessons:course_list")
    html = client.get(reverse("lessons:course_list")).content.decode()
    assert learner.username in html and "Log out" in html

    logout = client.post(reverse("logout"))
    assert logout.status_code == 302
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_login_with_a_wrong_password_says_so(client, learner):
    response = client.post(reverse("login"), {"username": learner.username, "password": "nope"})

    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_login_returns_to_next(client, learner):
    response = client.post(
        reverse("login"),
        {"username": learner.username, "password": PASSWORD, "next": "/exercises/progress/"},
    )

    assert response["Location"] == "/exercises/progress/"


def test_logout_needs_post(client, learner):
    client.force_login(learner)

    assert client.get(reverse("logout")).status_code == 405


def test_login_without_csrf_is_refused(learner):
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("login"), {"username": learner.username, "password": PASSWORD})

    assert response.status_code == 403


# ---- passwords ---------------------------------------------------------------------------


def test_change_password(client, learner):
    client.force_login(learner)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)
    assert "Password changed" in client.get(response["Location"]).content.decode()


def test_change_password_needs_the_old_one_and_a_login(client, learner):
    assert client.get(reverse("password_change")).status_code == 302
    client.force_login(learner)

    response = client.post(
        reverse("password_change"),
        {
            "old_password": "wrong",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )

    assert "Your old password was entered incorrectly" in response.content.decode()
    learner.refresh_from_db()
    assert learner.check_password(PASSWORD)


def test_password_reset_by_email(client, learner):
    response = client.post(reverse("password_reset"), {"email": learner.email})

    assert response["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    link = re.search(
        r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body
    ).group(1)
    form = client.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == reverse("password_reset_complete")
    learner.refresh_from_db()
    assert learner.check_password(NEW_PASSWORD)


def test_password_reset_for_an_unknown_address_reveals_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})

    assert response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []


def test_bad_reset_link_says_so(client, learner):
    response = client.get("/accounts/password/reset/MQ/bad-token/", follow=True)

    assert "This link no longer works" in response.content.decode()


# ---- profile and API tokens ---------------------------------------------------------------


def test_profile_needs_login(client):
    assert client.get(reverse("accounts:profile"))["Location"].startswith("/accounts/login/")


def test_profile_shows_password_link_client_command_and_curl(client, learner):
    client.force_login(learner)

    response = client.get(reverse("accounts:profile"))

    html = response.content.decode()
    assert reverse("password_change") in html
    assert (
        "python -m courseplatform.client submit SLUG FILE --url http://testserver --token TOKEN"
        in html
    )
    assert 'curl -H "Authorization: Bearer TOKEN"' in html
    assert "http://testserver/api/exercises/SLUG/submissions/" in html
    assert response["Cache-Control"] == "no-store"


def test_create_token_shows_the_raw_value_once(client, learner):
    client.force_login(learner)

    response = client.post(reverse("accounts:token_create"), {"name": "laptop"})

    html = response.content.decode()
    token = ApiToken.objects.get(user=learner)
    raw = re.search(r'id="raw-token"[^>]*value="(cp_[^"]+)"', html).group(1)
    assert response.status_code == 201 and response["Cache-Control"] == "no-store"
    assert ApiToken.digest_of(raw) == token.digest and raw.startswith(token.prefix)
    assert f"--token {raw}" in html  # the example commands are ready to paste
    again = client.get(reverse("accounts:profile")).content.decode()
    assert raw not in again and "laptop" in again and token.prefix in again


def test_tokens_are_listed_with_prefix_created_and_last_used(client, learner, other_learner):
    used, _ = token_create(user=learner, name="ci")
    ApiToken.objects.filter(pk=used.pk).update(last_used_at=used.created_at)
    token_create(user=other_learner, name="someone-elses")
    client.force_login(learner)

    html = client.get(reverse("accounts:profile")).content.decode()

    assert "ci" in html and f"<code>{used.prefix}…</code>" in html
    assert "someone-elses" not in html
    assert "never" not in html.split("Your API tokens")[1].split("Using a token")[0]


def test_token_name_is_required_and_escaped(client, learner):
    client.force_login(learner)

    empty = client.post(reverse("accounts:token_create"), {"name": ""})
    client.post(reverse("accounts:token_create"), {"name": "<script>x</script>"})

    assert empty.status_code == 400 and "required" in empty.content.decode()
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "<script>x</script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_revoke_own_token(client, learner):
    token, raw = token_create(user=learner, name="old")
    client.force_login(learner)

    response = client.post(reverse("accounts:token_revoke", args=[token.pk]), follow=True)

    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "revoked" in response.content.decode()
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/courses/").status_code == 401


def test_cannot_revoke_someone_elses_token(client, learner, other_learner):
    theirs, _ = token_create(user=other_learner, name="theirs")
    client.force_login(learner)

    response = client.post(reverse("accounts:token_revoke", args=[theirs.pk]), follow=True)

    theirs.refresh_from_db()
    assert theirs.revoked_at is None
    assert "No such active token" in response.content.decode()


def test_token_forms_need_post_and_csrf(learner):
    token, _ = token_create(user=learner, name="t")
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)

    assert client.get(reverse("accounts:token_revoke", args=[token.pk])).status_code == 405
    assert client.post(reverse("accounts:token_create"), {"name": "x"}).status_code == 403
    assert client.post(reverse("accounts:token_revoke", args=[token.pk])).status_code == 403
    assert ApiToken.objects.count() == 1 and ApiToken.objects.get().revoked_at is None


# ---- token admin ---------------------------------------------------------------------------


def test_token_admin_lists_and_revokes_but_never_shows_secrets(client, staff, learner):
    token, raw = token_create(user=learner, name="laptop")
    client.force_login(staff)

    listing = client.get(reverse("admin:accounts_apitoken_changelist")).content.decode()
    detail = client.get(reverse("admin:accounts_apitoken_change", args=[token.pk])).content.decode()
    revoke = client.post(
        reverse("admin:accounts_apitoken_changelist"),
        {"action": "revoke_selected", "_selected_action": [token.pk]},
    )

    assert "laptop" in listing and token.prefix in listing
    for html in (listing, detail):
        assert raw not in html and token.digest not in html
    assert client.get(reverse("admin:accounts_apitoken_add")).status_code == 403
    assert revoke.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_deactivated_account_keeps_its_address(client):
    used = make_user(username="olduser", email="ada@example.org", is_active=False)
    token_create(user=used, name="cli")

    client.post(reverse("accounts:signup"), signup_data(username="newcomer"))

    assert get_user_model().objects.filter(username="olduser").exists()
    assert not get_user_model().objects.filter(username="newcomer").exists()
    assert "already have an account" in mail.outbox[0].subject
