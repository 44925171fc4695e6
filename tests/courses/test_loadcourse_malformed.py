"""A malformed folder: one-line error naming the file, exit 1, database exactly as it was."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.courses.helpers import edit, load, run_command, snapshot

pytestmark = pytest.mark.django_db


def _write(relative: str, text: str | bytes) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text)

    return mutate


def _edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda root: edit(root / relative, old, new)


def _remove(relative: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / relative
        shutil.rmtree(path) if path.is_dir() else path.unlink()

    return mutate


def _copy(source: str, target: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        if (root / source).is_dir():
            shutil.copytree(root / source, root / target)
        else:
            shutil.copy(root / source, root / target)

    return mutate


LESSON = "01-basics/01-arrays.md"
DOUBLE = "01-basics/double"

MALFORMED = {
    "course.toml bad TOML": (
        _edit("course.toml", 'slug = "mini"', 'slug = "mini'),
        "course.toml",
        "invalid TOML",
    ),
    "course.toml missing": (_remove("course.toml"), "course.toml", "file is missing"),
    "lesson places an unknown exercise": (
        _edit("01-basics/01-arrays.md", "## Check yourself", "::exercise[no-such]\n\n## Check"),
        "01-basics/01-arrays.md",
        "::exercise[no-such] names no exercise of this course",
    ),
    "course.toml unknown key": (
        _edit("course.toml", "slug =", 'colour = "red"\nslug ='),
        "course.toml",
        "unknown keys",
    ),
    "course.toml no title": (
        _edit("course.toml", 'title = "A mini course"', ""),
        "course.toml",
        "'title'",
    ),
    "course slug not a slug": (
        _edit("course.toml", '"mini"', '"Mini Course"'),
        "course.toml",
        "slug 'Mini Course'",
    ),
    "stage.toml missing": (_remove("02-more/stage.toml"), "02-more/stage.toml", "missing"),
    "stage.toml unknown key": (
        _edit("02-more/stage.toml", "title", "titel"),
        "02-more/stage.toml",
        "unknown keys",
    ),
    "stage title of the wrong type": (
        _edit("02-more/stage.toml", '"More"', "3"),
        "02-more/stage.toml",
        "must be str",
    ),
    "duplicate stage slug": (
        _write("03-again/stage.toml", 'slug = "more"\ntitle = "Again"\n'),
        "03-again/stage.toml",
        "duplicate stage slug 'more'",
    ),
    "lesson front matter missing": (
        _write(LESSON, "# Arrays\n\nNo front matter.\n"),
        LESSON,
        "front matter is missing",
    ),
    "lesson front matter not closed": (
        _write(LESSON, '+++\ntitle = "Arrays"\n\n# Arrays\n'),
        LESSON,
        "not closed",
    ),
    "lesson front matter bad TOML": (
        _write(LESSON, "+++\ntitle = Arrays\n+++\nbody\n"),
        LESSON,
        "invalid TOML",
    ),
    "lesson title missing": (
        _write(LESSON, '+++\nslug = "arrays"\n+++\nbody\n'),
        LESSON,
        "'title'",
    ),
    "lesson unknown key": (
        _write(LESSON, '+++\ntitle = "A"\nauthor = "me"\n+++\nbody\n'),
        LESSON,
        "unknown keys",
    ),
    "lesson order negative": (
        _write(LESSON, '+++\ntitle = "A"\norder = -1\n+++\nbody\n'),
        LESSON,
        "'order'",
    ),
    "lesson file name without NN-": (
        _write("01-basics/arrays-again.md", '+++\ntitle = "A"\n+++\n'),
        "01-basics/arrays-again.md",
        "NN-slug.md",
    ),
    "lesson not UTF-8": (_write(LESSON, b'+++\ntitle = "\xff"\n+++\n'), LESSON, "not UTF-8"),
    "duplicate lesson slug across stages": (
        _write("02-more/05-arrays.md", '+++\ntitle = "Arrays again"\n+++\n'),
        "02-more/05-arrays.md",
        "duplicate lesson slug 'arrays'",
    ),
    "exercise.toml bad TOML": (
        _edit(f"{DOUBLE}/exercise.toml", "kind =", "kind"),
        f"{DOUBLE}/exercise.toml",
        "invalid TOML",
    ),
    "exercise slug hidden behind a page": (
        _edit(f"{DOUBLE}/exercise.toml", 'slug = "double"', 'slug = "progress"'),
        f"{DOUBLE}/exercise.toml",
        "reserved",
    ),
    "exercise.toml unknown key": (
        _edit(f"{DOUBLE}/exercise.toml", "kind =", "difficulty = 3\nkind ="),
        f"{DOUBLE}/exercise.toml",
        "unknown keys",
    ),
    "exercise kind unknown": (
        _edit(f"{DOUBLE}/exercise.toml", '"numpy"', '"jax"'),
        f"{DOUBLE}/exercise.toml",
        "kind 'jax'",
    ),
    "exercise limit zero": (
        _edit(f"{DOUBLE}/exercise.toml", "wall_seconds = 5", "wall_seconds = 0"),
        f"{DOUBLE}/exercise.toml",
        "out of range",
    ),
    "exercise lesson unknown": (
        _edit(f"{DOUBLE}/exercise.toml", 'lesson = "arrays"', 'lesson = "nowhere"'),
        f"{DOUBLE}/exercise.toml",
        "lesson 'nowhere' is not a lesson",
    ),
    "exercise statement missing": (
        _remove(f"{DOUBLE}/statement.md"),
        f"{DOUBLE}/statement.md",
        "file is missing",
    ),
    "exercise solution syntax error": (
        _write(f"{DOUBLE}/solution.py", "def double(x):\nreturn 2 * x\n"),
        f"{DOUBLE}/solution.py",
        "syntax error",
    ),
    "exercise solution lacks entry point": (
        _write(f"{DOUBLE}/solution.py", "def twice(x):\n    return 2 * x\n"),
        f"{DOUBLE}/solution.py",
        "does not define double()",
    ),
    "exercise cases lacks cases()": (
        _write(f"{DOUBLE}/cases.py", "CASES = []\n"),
        f"{DOUBLE}/cases.py",
        "does not define cases()",
    ),
    "wrong solution syntax error": (
        _write("02-more/30-total/wrong/broken.py", "def total(x) return 0\n"),
        "02-more/30-total/wrong/broken.py",
        "syntax error",
    ),
    "duplicate exercise slug": (
        _copy(DOUBLE, "02-more/double-copy"),
        "02-more/double-copy/exercise.toml",
        "duplicate exercise slug 'double'",
    ),
    "folder without exercise.toml": (
        _write("01-basics/notes/readme.txt", "scratch\n"),
        "01-basics/notes/exercise.toml",
        "not an exercise package",
    ),
    "unexpected file in a stage": (
        _write("01-basics/stage.yaml", "title: x\n"),
        "01-basics/stage.yaml",
        "unexpected file",
    ),
    "unexpected file in the course": (_write("notes.txt", "x\n"), "notes.txt", "unexpected file"),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_folder_names_the_file_and_leaves_the_database_as_it_was(
    course_dir: Path, name: str
):
    load(course_dir)
    before = snapshot()
    mutate, relative, problem = MALFORMED[name]
    # A valid change alongside the broken one must not be applied either.
    edit(course_dir / "01-basics/stage.toml", 'title = "Basics"', 'title = "Renamed stage"')
    mutate(course_dir)

    code, out, err = run_command("loadcourse", str(course_dir))

    assert code == 1
    assert err.count("\n") <= 1 and err.startswith("error: ")
    assert err.startswith(f"error: {course_dir / relative}: "), err
    assert problem in err
    assert snapshot() == before
