"""The "Course authors" group: exactly the permissions to write courses.

Courses, stages, lessons, exercises (their statement, hints, cases.py, reference and
limits) and known-wrong solutions: add, change, delete, view; validations of exercises:
view. Nothing about users, groups, API tokens, learners' submissions, drafts or
progress, and never superuser. docs/authoring.md lists what each role may do.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Course authors"
WRITE = ("add", "change", "delete", "view")
PERMISSIONS = {
    ("lessons", "course"): WRITE,
    ("lessons", "stage"): WRITE,
    ("lessons", "lesson"): WRITE,
    ("exercises", "exercise"): WRITE,
    ("exercises", "knownwrongsolution"): WRITE,
    ("grader", "exercisevalidation"): ("view",),
}


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran (post_migrate): make
    # sure the ones this group needs exist already on a fresh database.
    for label in {app for app, _model in PERMISSIONS}:
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, verbosity=0, apps=apps)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    wanted = []
    for (app, model), actions in PERMISSIONS.items():
        for action in actions:
            wanted.append(
                Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
            )
    group.permissions.set(wanted)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("lessons", "0001_initial"),
        ("exercises", "0002_submission_enqueued_at"),
        ("grader", "0001_exercise_validation"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
