"""A web process never imports torch (docs/deploy.md promises web hosts need none), and
never runs an exercise's code: every page and admin view rendered, validation pressed,
a solution submitted, in a fresh process that starts clean."""

import json
import subprocess
import sys

import pytest
from django.core.management import call_command

from accounts.services import token_create
from exercises.models import Exercise, Submission
from grader.models import ExerciseValidation
from tests.factories import StaffFactory, UserFactory
from tests.lessons.builders import solve
from tests.live_worker import ROOT, database_url_for_subprocess

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_page_and_admin_view_renders_without_importing_torch(redis_url, settings):
    call_command("loadcourse", str(settings.CONTENT_DIR / "genai-llm"), verbosity=0)
    staff, learner = StaffFactory(), UserFactory()
    exercise = Exercise.objects.get(slug="softmax")
    solve(learner, exercise)
    ExerciseValidation.objects.create(
        exercise=exercise,
        status=ExerciseValidation.Status.DONE,
        ok=True,
        report={"rows": [{"label": "reference solution", "ok": True}]},
    )
    _, token = token_create(user=learner, name="crawl")

    env = {
        "PATH": "/usr/bin:/bin",
        "DATABASE_URL": database_url_for_subprocess(),
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "SECRET_KEY": "crawl-only-secret-key-0123456789abcdef-0123456789",
        "DJANGO_SETTINGS_MODULE": "courseplatform.settings",
        "STATIC_MANIFEST": "false",  # no collectstatic run for tests
    }
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.web.crawl_pages",
            staff.username,
            learner.username,
            token,
            str(exercise.pk),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    pages = report["pages"]

    assert report["torch"] is False and report["loaded"] == [], report["loaded"][:20]
    assert len(pages) >= 300, sorted(pages)  # 404 here on 2026-12-03
    assert not [url for url, status in pages.items() if status >= 500]
    admin_lists = {url for url in pages if url.endswith("/") and url.count("/") == 4}
    for model in ("exercise", "submission", "progress", "draft", "knownwrongsolution"):
        assert f"/admin/exercises/{model}/" in admin_lists or model == "knownwrongsolution"
    assert "/admin/grader/exercisevalidation/" in pages
    assert f"/admin/exercises/exercise/{exercise.pk}/change/" in pages
    assert f"/exercises/{exercise.slug}/" in pages
    assert len([u for u in pages if u.startswith("/courses/")]) >= 30  # lessons of the course
    assert pages["POST validate"] == 302 and pages["validation fragment"] == 200
    assert pages[f"POST /api/exercises/{exercise.slug}/submissions/"] == 202
    assert ExerciseValidation.objects.filter(
        exercise=exercise, status=ExerciseValidation.Status.QUEUED
    ).exists()
    assert Submission.objects.filter(exercise=exercise, learner=learner).count() >= 2
