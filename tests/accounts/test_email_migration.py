"""accounts.0002 makes e-mail unique ignoring case, after settling existing duplicates."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("accounts", "0001_initial")]
AUTH_LATEST = ("auth", "0012_alter_user_first_name_max_length")
AFTER = [("accounts", "0002_user_email_unique_case_insensitive")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The models as the latest auth migration leaves them (accounts 0001 alone would give
    # auth's first state, where last_login still defaults to now).
    return executor.loader.project_state([*targets, AUTH_LATEST]).apps


def test_duplicates_keep_the_address_on_the_account_used_last(capsys):
    apps = migrate(BEFORE)
    User = apps.get_model("auth", "User")
    now = timezone.now()
    User.objects.create(username="old", email="Ada@Example.org")
    User.objects.create(username="used", email="ada@example.org", last_login=now)
    User.objects.create(username="never", email="ADA@example.org")
    other = User.objects.create(username="other", email="bob@example.org")
    blank = [User.objects.create(username=f"blank{n}", email="") for n in range(2)]

    apps = migrate(AFTER)

    User = apps.get_model("auth", "User")
    emails = dict(User.objects.values_list("username", "email"))
    assert emails["used"] == "ada@example.org"
    assert emails["old"] == emails["never"] == ""
    assert emails[other.username] == "bob@example.org"
    assert all(emails[user.username] == "" for user in blank)
    printed = capsys.readouterr().out
    assert "'old'" in printed and "'never'" in printed and "its address was cleared" in printed
