"""Data files and the [trained_model] table through loadcourse and dumpcourse."""

import shutil
import tomllib
from pathlib import Path

import pytest

from exercises.models import Exercise, ExerciseDataFile
from lessons.models import Course
from tests.courses.helpers import FIXTURES, load, run_command

pytestmark = pytest.mark.django_db

TRAINED = FIXTURES / "trained-course"
PACKAGE = Path("01-models") / "flat_gpt"


def _rows() -> list[tuple[str, str, str]]:
    return sorted(ExerciseDataFile.objects.values_list("name", "role", "text"))


def test_data_files_load_with_their_roles():
    load(TRAINED)

    rows = _rows()
    assert [(name, role) for name, role, _ in rows] == [
        ("heldout_a.txt", "heldout"),
        ("heldout_b.txt", "heldout"),
        ("train_short.txt", "input"),
    ]
    assert rows[0][2] == (TRAINED / PACKAGE / "data" / "heldout_a.txt").read_text()
    exercise = Exercise.objects.get(slug="flat_gpt")
    assert exercise.trained_model["heldout"] == ["heldout_a.txt", "heldout_b.txt"]
    assert exercise.is_long


def test_dump_then_load_gives_the_same_files_table_and_version(tmp_path):
    load(TRAINED)
    before = (_rows(), Exercise.objects.get(slug="flat_gpt").content_hash)

    code, _, err = run_command("dumpcourse", "trained", str(tmp_path / "dumped"))
    assert code == 0, err
    dumped = tmp_path / "dumped" / "01-models" / "flat_gpt"
    for name in ("heldout_a.txt", "heldout_b.txt", "train_short.txt"):
        assert (dumped / "data" / name).read_bytes() == (
            TRAINED / PACKAGE / "data" / name
        ).read_bytes()
    table = tomllib.loads((dumped / "exercise.toml").read_text())["trained_model"]
    assert (
        table == tomllib.loads((TRAINED / PACKAGE / "exercise.toml").read_text())["trained_model"]
    )
    Exercise.objects.all().delete()
    Course.objects.all().delete()
    load(tmp_path / "dumped")

    assert (_rows(), Exercise.objects.get(slug="flat_gpt").content_hash) == before


def test_a_changed_or_removed_data_file_updates_the_exercise(tmp_path):
    folder = Path(shutil.copytree(TRAINED, tmp_path / "course"))
    load(folder)
    version = Exercise.objects.get(slug="flat_gpt").content_hash
    assert not load(folder).changed

    (folder / PACKAGE / "data" / "train_short.txt").write_text("Another text.\n")
    report = load(folder)
    assert report.exercises.updated == ["flat_gpt"]
    assert Exercise.objects.get(slug="flat_gpt").content_hash != version

    (folder / PACKAGE / "data" / "train_short.txt").unlink()
    load(folder)
    assert [name for name, _, _ in _rows()] == ["heldout_a.txt", "heldout_b.txt"]
