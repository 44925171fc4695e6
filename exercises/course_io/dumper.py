"""Write a course from the database back out as a folder that `loadcourse` reads.

Loading the written folder into an empty database gives the same content (published
lessons and exercises; unpublished ones are what "gone from the folder" means).
"""

from __future__ import annotations

import ast
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from exercises.course_io import toml_write
from exercises.course_io.dbspec import course_spec
from exercises.course_io.specs import CourseSpec, ExerciseEntry, LessonSpec, StageSpec
from exercises.package import ExerciseSpec, PackageError
from lessons.models import Course

SAFE_FILE_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
DEFAULTS = ExerciseSpec("", "", "", "", "", "", "", "")  # the defaults loading applies


@dataclass
class DumpReport:
    path: Path
    stages: int = 0
    lessons: int = 0
    exercises: int = 0
    # Things a file cannot carry; loading the folder back will differ in these.
    warnings: list[str] = field(default_factory=list)


def course_dump(*, course: Course, path: Path, replace: bool = False) -> DumpReport:
    """Write `course` to the folder `path`.

    `path` must not exist or be empty; with `replace`, an existing course folder (one
    holding course.toml) is replaced as a whole, so that files of renamed lessons do not
    linger. The folder is written beside `path` first and moved into place at the end, so
    a failure leaves `path` as it was.
    """
    path = Path(path)
    if path.exists() and any(path.iterdir()):
        if not replace:
            raise PackageError(f"{path}: folder is not empty (use --replace to overwrite it)")
        if not (path / "course.toml").is_file():
            raise PackageError(f"{path}: not a course folder (no course.toml); not replacing it")
    spec = course_spec(course)
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}-", dir=path.parent))
    try:
        report = write_course(spec, staging)
        if path.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}-old-", dir=path.parent))
            path.rename(old / path.name)
            staging.rename(path)
            shutil.rmtree(old)
        else:
            staging.rename(path)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    report.path = path
    return report


def write_course(spec: CourseSpec, folder: Path) -> DumpReport:
    """Write `spec` into the existing empty `folder`."""
    report = DumpReport(path=folder)
    _write(
        folder / "course.toml",
        toml_write.dumps(
            {
                "slug": spec.slug,
                "title": spec.title,
                "summary": spec.summary,
                "description": spec.description,
            }
        ),
    )
    for position, stage in enumerate(spec.stages, start=1):
        _write_stage(stage, folder / f"{position:02d}-{stage.slug}", report)
        report.stages += 1
    return report


def _write_stage(stage: StageSpec, folder: Path, report: DumpReport) -> None:
    folder.mkdir()
    _write(
        folder / "stage.toml",
        toml_write.dumps({"slug": stage.slug, "title": stage.title, "summary": stage.summary}),
    )
    for lesson in stage.lessons:
        _write_lesson(lesson, folder)
        report.lessons += 1
    for entry in stage.exercises:
        _write_exercise(entry, folder / entry.spec.slug, report)
        report.exercises += 1


def _write_lesson(lesson: LessonSpec, folder: Path) -> None:
    # The NN- prefix gives the order when it is a multiple of ten; otherwise the front
    # matter says it.
    meta: dict[str, object] = {"slug": lesson.slug, "title": lesson.title}
    if lesson.order % 10:
        meta["order"] = lesson.order
    front = toml_write.dumps(meta)
    body = lesson.body.replace("\r\n", "\n").strip("\n")
    _write(folder / f"{lesson.order // 10:02d}-{lesson.slug}.md", f"+++\n{front}+++\n{body}\n")
    for name, data in lesson.figures.items():
        figures = folder / "figures"
        figures.mkdir(exist_ok=True)
        (figures / name).write_bytes(data)


def _write_exercise(entry: ExerciseEntry, folder: Path, report: DumpReport) -> None:
    spec = entry.spec
    meta: dict[str, object] = {
        "slug": spec.slug,
        "title": spec.title,
        "kind": spec.kind,
        "entry_point": spec.entry_point,
    }
    if spec.lesson:
        meta["lesson"] = spec.lesson
    meta["order"] = entry.order
    if spec.hints:
        meta["hints"] = list(spec.hints)
    if spec.forbidden:
        meta["forbidden"] = list(spec.forbidden)
    if spec.bool_result:
        meta["bool_result"] = True
    if spec.unchanged_inputs:
        meta["unchanged_inputs"] = list(spec.unchanged_inputs)
    tolerance = {
        key: value for key, value in (("rtol", spec.rtol), ("atol", spec.atol)) if value is not None
    }
    if tolerance:
        meta["tolerance"] = tolerance
    # The wall clock always (authors state it), the others when not the default.
    meta["limits"] = {"wall_seconds": _plain(spec.wall_seconds)}
    if spec.cpu_seconds != DEFAULTS.cpu_seconds:
        meta["limits"]["cpu_seconds"] = _plain(spec.cpu_seconds)
    if spec.memory_mb != DEFAULTS.memory_mb:
        meta["limits"]["memory_mb"] = spec.memory_mb
    if spec.trained_model:
        meta["trained_model"] = dict(spec.trained_model)
    folder.mkdir()
    _write(folder / "exercise.toml", toml_write.dumps(meta))
    if spec.data_files:
        (folder / "data").mkdir()
    for data_file in spec.data_files:
        if not SAFE_FILE_RE.match(data_file.name):
            raise PackageError(
                f"exercise {spec.slug}: data file name {data_file.name!r} cannot be a file name"
            )
        _write(folder / "data" / data_file.name, data_file.text)
    _write(folder / "statement.md", spec.statement)
    _write(folder / "starter.py", spec.starter_code)
    _write(folder / "solution.py", spec.reference_solution)
    _write(folder / "cases.py", spec.cases_source)
    if spec.wrong:
        (folder / "wrong").mkdir()
    for wrong in spec.wrong:
        if not SAFE_FILE_RE.match(wrong.name):
            raise PackageError(
                f"exercise {spec.slug}: wrong solution name {wrong.name!r} cannot be a file name"
            )
        _write(folder / "wrong" / f"{wrong.name}.py", wrong.source)
        if wrong.hint != _docstring(wrong.source):
            report.warnings.append(
                f"{spec.slug}/wrong/{wrong.name}.py: the stored hint differs from the "
                "module docstring, which is what loading reads; the file keeps the docstring"
            )


def _plain(seconds: float) -> int | float:
    # "wall_seconds = 5" as authors write it; loading reads an integer as a float.
    return int(seconds) if float(seconds).is_integer() else seconds


def _docstring(source: str) -> str:
    try:
        return (ast.get_docstring(ast.parse(source)) or "").strip()
    except SyntaxError:
        return ""


def _write(path: Path, text: str) -> None:
    # Loading reads files with universal newlines, so CRLF typed into the admin would not
    # survive a round trip anyway: write plain LF (newline="": no platform translation).
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text.replace("\r\n", "\n"))
