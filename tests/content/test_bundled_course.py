"""The bundled course through the real sandbox: every exercise validates, and correct
solutions written in other styles (tests/content/alternatives/<slug>/) pass."""

import tomllib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from exercises.models import Exercise
from grader.services import exercise_grade_source
from grader.validation import exercise_validate

pytestmark = [pytest.mark.sandbox, pytest.mark.django_db]

COURSE = settings.CONTENT_DIR / "genai-llm"
ALTERNATIVES = Path(__file__).parent / "alternatives"
SLUGS = sorted(path.parent.name for path in COURSE.glob("*/*/exercise.toml"))
# Trained-model exercises train a model per case (seconds each): validated on their own.
TRAINED = sorted(
    path.parent.name
    for path in COURSE.glob("*/*/exercise.toml")
    if "trained_model" in tomllib.loads(path.read_text())
)
QUICK = [slug for slug in SLUGS if slug not in TRAINED]
ALTERNATIVE_FILES = [
    pytest.param(path, marks=pytest.mark.slow) if path.parent.name in TRAINED else path
    for path in sorted(ALTERNATIVES.glob("*/*.py"))
]


@pytest.fixture
def course(db):
    call_command("loadcourse", str(COURSE), verbosity=0)


def test_the_course_holds_its_contract_exercises():
    # Round 1 (1-26) and round 2 (27-38), the capstone (38) with the trained-model check.
    assert len(SLUGS) == 38, SLUGS
    assert TRAINED == ["tiny_gpt_train"]


def test_every_exercise_has_at_least_two_alternative_solutions():
    # softmax's alternative lives in tests/e2e/test_bundled_course.py (FALLBACK_SOLUTIONS).
    few = [s for s in SLUGS if s != "softmax" and len(list((ALTERNATIVES / s).glob("*.py"))) < 2]
    assert not few, f"fewer than two alternative solutions: {few}"


@pytest.mark.parametrize("slug", QUICK)
def test_exercise_validates_through_the_sandbox(course, slug):
    report = exercise_validate(exercise=Exercise.objects.get(slug=slug))

    problems = [
        f"{row.label}: expected {row.expected}, got {row.got}; {row.detail}"
        for row in report.rows
        if not row.ok
    ]
    assert report.ok, problems
    assert report.hidden_cases >= 5
    assert len(report.rows) - 2 >= 3, "each exercise needs its known-wrong solutions"


@pytest.mark.slow
@pytest.mark.parametrize("slug", TRAINED)
def test_a_trained_model_exercise_validates_with_a_margin_over_seeds(course, slug):
    """About 16 training runs of 8-16 s of CPU each: 3 to 5 minutes on an idle machine."""
    report = exercise_validate(exercise=Exercise.objects.get(slug=slug), seed_runs=1)

    problems = [f"{row.label}: got {row.got}; {row.detail}" for row in report.rows if not row.ok]
    assert report.ok, problems
    assert report.visible_cases >= 1 and report.hidden_cases >= 1
    assert len([row for row in report.rows if row.label.startswith("wrong/")]) >= 4
    seeds = report.rows[-1]
    assert seeds.label.startswith("reference, 1 more seeds") and "margin" in seeds.got


@pytest.mark.parametrize("path", ALTERNATIVE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_correct_solution_in_another_style_passes(course, path):
    exercise = Exercise.objects.get(slug=path.parent.name)

    outcome = exercise_grade_source(
        exercise=exercise, source=path.read_text(), visible_only=False, reveal_hidden=True
    )

    failed = [f"{c.name}: {c.message}" for c in outcome.cases if not c.passed]
    assert outcome.verdict == "passed", (outcome.message, failed)
