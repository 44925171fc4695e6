"""Read a course folder (see docs/authoring.md) into a checked `CourseSpec`.

Everything is read and cross-checked here, before the loader writes anything, so that a
malformed folder fails as a whole with one `PackageError` naming the file and the problem.
Nothing here touches the database or runs any of the folder's code.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from exercises.course_io.specs import CourseSpec, ExerciseEntry, LessonSpec, StageSpec
from exercises.package import SLUG_RE, PackageError, read_exercise, read_text, read_toml
from lessons.codeblocks import unknown_flags
from lessons.figures import FIGURE_NAME_RE, FIGURE_SRC_PREFIX, FigureError, figure_check
from lessons.markdown import exercise_directive_slugs, image_references

NUMBERED_RE = re.compile(r"^(\d+)-(.+)$")
FRONT_MATTER_FENCE = "+++"
# The database's column widths, checked here so that a long value is a clear error
# naming its file instead of a database error halfway through the load.
MAX_SLUG = 80
MAX_TITLE = 200
MAX_WRONG_NAME = 80
MAX_ORDER = 2**31 - 1


def read_course(folder: Path) -> CourseSpec:
    """Read and check a whole course folder; raise `PackageError` on the first problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PackageError(f"{folder}: not a folder")
    toml_path = folder / "course.toml"
    meta = read_toml(toml_path)
    _check_keys(meta, {"slug", "title", "summary", "description"}, toml_path)
    slug = _slug(meta.get("slug"), toml_path, required=True)
    title = _title(meta, toml_path)
    stages = []
    for entry in _entries(folder):
        if entry.name == "course.toml":
            continue
        if not entry.is_dir():
            raise PackageError(
                f"{entry}: unexpected file in a course folder (expected course.toml and "
                "stage folders)"
            )
        stages.append(_read_stage(entry, order=len(stages) + 1))
    spec = CourseSpec(
        slug=slug,
        title=title,
        summary=_str(meta, "summary", toml_path),
        description=_str(meta, "description", toml_path),
        stages=stages,
        path=folder,
    )
    _check_course(spec)
    return spec


def read_lesson(path: Path) -> LessonSpec:
    """Read one `NN-slug.md` lesson: TOML front matter between +++ lines, then Markdown."""
    match = NUMBERED_RE.match(path.name)
    if not match or not path.name.endswith(".md"):
        raise PackageError(f"{path}: a lesson file is named NN-slug.md (e.g. 03-attention.md)")
    number, default_slug = int(match.group(1)), match.group(2).removesuffix(".md")
    if number * 10 > MAX_ORDER:
        raise PackageError(f"{path}: the NN- prefix is too large")
    meta, body = _split_front_matter(path, read_text(path))
    _check_keys(meta, {"title", "slug", "order"}, path, where="front matter")
    flag_problems = unknown_flags(body)  # a typo ("norum") would silently make a block run
    if flag_problems:
        raise PackageError(f"{path}: {'; '.join(flag_problems)}")
    return LessonSpec(
        slug=_slug(meta.get("slug", default_slug), path),
        title=_title(meta, path),
        order=_order(meta, path, default=number * 10),
        body=body,
        path=path,
        figures=_read_figures(path, body),
    )


def _read_figures(path: Path, body: str) -> dict[str, bytes]:
    """The figures a lesson shows from its stage's figures/ folder, each checked."""
    figures: dict[str, bytes] = {}
    for src, alt in image_references(body):
        if not alt:
            raise PackageError(f"{path}: the image {src!r} has no alt text (![what it shows](...))")
        if not src.startswith(FIGURE_SRC_PREFIX):
            continue
        name = src.removeprefix(FIGURE_SRC_PREFIX)
        figure_path = path.parent / "figures" / name
        if not FIGURE_NAME_RE.match(name) or not figure_path.is_file():
            raise PackageError(f"{path}: figure {src!r} is not a file in {path.parent / 'figures'}")
        data = figure_path.read_bytes()
        try:
            figure_check(name, data)
        except FigureError as exc:
            raise PackageError(f"{figure_path}: {exc}") from None
        figures[name] = data
    return figures


def _read_stage(folder: Path, *, order: int) -> StageSpec:
    toml_path = folder / "stage.toml"
    if not toml_path.is_file():
        raise PackageError(f"{toml_path}: file is missing (every stage folder needs one)")
    meta = read_toml(toml_path)
    _check_keys(meta, {"slug", "title", "summary"}, toml_path)
    match = NUMBERED_RE.match(folder.name)
    default_slug = match.group(2) if match else folder.name
    lessons, exercises = [], []
    for entry in _entries(folder):
        if entry.name == "stage.toml" or (entry.name == "figures" and entry.is_dir()):
            continue  # figures/ holds the lessons' images and the scripts that draw them
        if entry.is_dir():
            exercises.append(_read_exercise_entry(entry))
        elif entry.suffix == ".md":
            lessons.append(read_lesson(entry))
        else:
            raise PackageError(
                f"{entry}: unexpected file in a stage folder (expected stage.toml, "
                "NN-slug.md lessons, exercise folders and figures/)"
            )
    return StageSpec(
        slug=_slug(meta.get("slug", default_slug), toml_path),
        title=_title(meta, toml_path),
        summary=_str(meta, "summary", toml_path),
        order=order,
        lessons=sorted(lessons, key=lambda lesson: (lesson.order, lesson.slug)),
        exercises=sorted(exercises, key=lambda entry: (entry.order, entry.spec.slug)),
        path=folder,
    )


def _read_exercise_entry(folder: Path) -> ExerciseEntry:
    toml_path = folder / "exercise.toml"
    if not toml_path.is_file():
        raise PackageError(
            f"{toml_path}: file is missing ({folder.name}/ is not an exercise package)"
        )
    spec = read_exercise(folder)
    if len(spec.slug) > MAX_SLUG:
        raise PackageError(f"{toml_path}: slug is longer than {MAX_SLUG} characters")
    if not spec.title.strip() or len(spec.title) > MAX_TITLE:
        raise PackageError(f"{toml_path}: 'title' must be 1 to {MAX_TITLE} characters")
    if len(spec.entry_point) > MAX_SLUG:
        raise PackageError(f"{toml_path}: entry_point is longer than {MAX_SLUG} characters")
    for wrong in spec.wrong:
        if len(wrong.name) > MAX_WRONG_NAME:
            raise PackageError(
                f"{folder / 'wrong' / (wrong.name + '.py')}: name is longer than "
                f"{MAX_WRONG_NAME} characters"
            )
    order = spec.order
    if order is None:
        match = NUMBERED_RE.match(folder.name)
        if not match:
            raise PackageError(
                f"{toml_path}: 'order' is required when the folder name has no NN- prefix"
            )
        order = int(match.group(1)) * 10
    if order > MAX_ORDER:
        raise PackageError(f"{toml_path}: 'order' must be an integer from 0 to {MAX_ORDER}")
    return ExerciseEntry(spec=spec, order=order, path=folder)


def _check_course(spec: CourseSpec) -> None:
    """Cross-file checks: unique slugs, every exercise's lesson exists, and every exercise a
    lesson places with `::exercise[SLUG]` is one of this course's."""
    stages: dict[str, StageSpec] = {}
    for stage in spec.stages:
        if stage.slug in stages:
            raise PackageError(
                f"{stage.path / 'stage.toml'}: duplicate stage slug {stage.slug!r} "
                f"(also in {stages[stage.slug].path / 'stage.toml'})"
            )
        stages[stage.slug] = stage
    lessons: dict[str, LessonSpec] = {}
    for lesson in spec.lessons():
        if lesson.slug in lessons:
            raise PackageError(
                f"{lesson.path}: duplicate lesson slug {lesson.slug!r} "
                f"(also in {lessons[lesson.slug].path})"
            )
        lessons[lesson.slug] = lesson
    exercises: dict[str, ExerciseEntry] = {}
    for entry in spec.exercises():
        toml_path = entry.path / "exercise.toml"
        if entry.spec.slug in exercises:
            raise PackageError(
                f"{toml_path}: duplicate exercise slug {entry.spec.slug!r} "
                f"(also in {exercises[entry.spec.slug].path / 'exercise.toml'})"
            )
        exercises[entry.spec.slug] = entry
        if entry.spec.lesson and entry.spec.lesson not in lessons:
            raise PackageError(
                f"{toml_path}: lesson {entry.spec.lesson!r} is not a lesson of this course"
            )
    for lesson in spec.lessons():
        for slug in exercise_directive_slugs(lesson.body):
            if slug not in exercises:
                raise PackageError(
                    f"{lesson.path}: ::exercise[{slug}] names no exercise of this course"
                )


def _entries(folder: Path) -> list[Path]:
    # Hidden files, __pycache__ and editor backups are not content.
    return sorted(
        path
        for path in folder.iterdir()
        if not path.name.startswith((".", "_")) and not path.name.endswith("~")
    )


def _split_front_matter(path: Path, text: str) -> tuple[dict, str]:
    lines = text.removeprefix("\ufeff").split("\n")
    if lines[0].strip() != FRONT_MATTER_FENCE:
        raise PackageError(
            f"{path}: front matter is missing (the file must start with a +++ line, then "
            'TOML with at least title = "...", then a +++ line)'
        )
    for end in range(1, len(lines)):
        if lines[end].strip() == FRONT_MATTER_FENCE:
            break
    else:
        raise PackageError(f"{path}: front matter is not closed by a +++ line")
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as exc:
        raise PackageError(f"{path}: invalid TOML in front matter: {exc}") from None
    return meta, "\n".join(lines[end + 1 :]).strip("\n")


def _check_keys(meta: dict, known: set[str], path: Path, where: str = "") -> None:
    unknown = sorted(set(meta) - known)
    if unknown:
        place = f" in {where}" if where else ""
        raise PackageError(f"{path}: unknown keys {unknown}{place} (known: {sorted(known)})")


def _str(meta: dict, key: str, path: Path) -> str:
    value = meta.get(key, "")
    if type(value) is not str:
        raise PackageError(f"{path}: '{key}' must be str, not {type(value).__name__}")
    return value


def _title(meta: dict, path: Path) -> str:
    if "title" not in meta:
        raise PackageError(f"{path}: missing required key 'title'")
    title = _str(meta, "title", path)
    if not title.strip() or len(title) > MAX_TITLE:
        raise PackageError(f"{path}: 'title' must be 1 to {MAX_TITLE} characters")
    return title


def _slug(value: object, path: Path, required: bool = False) -> str:
    if value is None and required:
        raise PackageError(f"{path}: missing required key 'slug'")
    if type(value) is not str:
        raise PackageError(f"{path}: 'slug' must be str, not {type(value).__name__}")
    if not SLUG_RE.match(value) or len(value) > MAX_SLUG:
        raise PackageError(
            f"{path}: slug {value!r} must be lowercase letters, digits, - or _ "
            f"(at most {MAX_SLUG} characters)"
        )
    return value


def _order(meta: dict, path: Path, *, default: int) -> int:
    value = meta.get("order", default)
    if type(value) is not int or not 0 <= value <= MAX_ORDER:
        raise PackageError(f"{path}: 'order' must be an integer from 0 to {MAX_ORDER}")
    return value
