"""E-mail addresses are unique, ignoring case, in the database (issue 8, item 5).

The user model is Django's own (auth.User), so the constraint is a unique index on
LOWER(email) created here; empty addresses (allowed by createsuperuser) are left out.

Existing duplicates: the address stays with the account that was used last (latest login,
then the oldest account); the other accounts keep working with their username and password,
but lose the duplicated address, and each is listed on the migration's output so that an
operator can ask its owner for another address.
"""

from collections import defaultdict

from django.conf import settings
from django.db import migrations

INDEX = "accounts_user_email_ci_uniq"


def _rank(user):
    # Sort key: the account to keep first.
    return (user.last_login is None, -(user.last_login.timestamp() if user.last_login else 0), user.pk)


def dedupe_and_index(apps, schema_editor):
    User = apps.get_model(settings.AUTH_USER_MODEL)
    groups = defaultdict(list)
    for user in User.objects.exclude(email="").only("pk", "email", "last_login", "username"):
        groups[user.email.strip().lower()].append(user)
    for address, users in groups.items():
        if len(users) < 2:
            continue
        keep, *others = sorted(users, key=_rank)
        for user in others:
            User.objects.filter(pk=user.pk).update(email="")
            print(
                f"\n  accounts.0002: user {user.username!r} (id {user.pk}) shared the address "
                f"{address!r} with {keep.username!r} (id {keep.pk}); its address was cleared."
            )
    table = schema_editor.quote_name(User._meta.db_table)
    schema_editor.execute(
        f"CREATE UNIQUE INDEX {INDEX} ON {table} (LOWER(email)) WHERE email <> ''"
    )


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX {INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("accounts", "0001_initial"),
        # The latest auth migration, not only the first: on SQLite a later ALTER of auth_user
        # rebuilds the table and would drop an index Django's model state does not know.
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(dedupe_and_index, drop_index)]
