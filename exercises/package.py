"""Read an exercise package folder (see docs/authoring.md) into a plain, checked spec.

Every problem raises `PackageError` naming the file and what is wrong with it; nothing
here touches the database or runs any of the package's code.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

SLUG_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
# Fixed paths under /exercises/ that an exercise slug would be hidden behind.
RESERVED_SLUGS = frozenset({"progress", "gradebook", "submissions"})
KINDS = ("numpy", "torch", "python")
# (rtol, atol) per kind when exercise.toml names none: float64 work vs float32 torch work.
DEFAULT_TOLERANCE = {"numpy": (1e-7, 1e-9), "python": (1e-7, 1e-9), "torch": (1e-4, 1e-5)}
MAX_FILE_BYTES = 512 * 1024
MAX_DATA_FILES = 16
DATA_NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,79}$")
TRAINED_MODEL_KEYS = {"scorer", "threshold", "heldout", "losses_key", "seed_index"}


class PackageError(ValueError):
    """A course or exercise folder that cannot be loaded; the message names the file."""


@dataclass(frozen=True)
class WrongSpec:
    name: str
    source: str
    hint: str


@dataclass(frozen=True)
class DataFileSpec:
    """A text file of the package's data/ folder.

    An input file is handed to `cases(data)` (and so, inside a case, to the sandbox); a
    held-out file (named in [trained_model] heldout) only ever reaches the trusted scorer.
    """

    name: str
    text: str
    heldout: bool = False


@dataclass(frozen=True)
class ExerciseSpec:
    slug: str
    title: str
    kind: str
    entry_point: str
    statement: str
    starter_code: str
    reference_solution: str
    cases_source: str
    rtol: float | None = None
    atol: float | None = None
    wall_seconds: float = 5.0
    cpu_seconds: float = 5.0
    memory_mb: int = 512
    forbidden: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)
    lesson: str = ""
    wrong: list[WrongSpec] = field(default_factory=list)
    order: int | None = None  # None: the course loader derives it from the folder name
    # Declared exceptions to the general rules (see docs/authoring.md):
    bool_result: bool = False  # the result is a bool array/tensor, compared exactly
    unchanged_inputs: list[str] = field(default_factory=list)  # parameters not to be modified
    data_files: list[DataFileSpec] = field(default_factory=list)
    # Empty: results are compared with the reference's. Else the trained-model check
    # (docs/authoring.md): {"scorer", "threshold", "heldout": [names], "losses_key"?,
    # "seed_index"?}.
    trained_model: dict = field(default_factory=dict)

    def content_hash(self) -> str:
        """Hash everything that decides a verdict, so a verdict names the version it used.

        Presentation (title, hints, lesson, order) is left out; wrong solutions are
        hashed in name order, so the hash is the same whether the spec came from files
        or from database rows.
        """
        data = asdict(self)
        for key in ("title", "hints", "lesson", "order"):
            data.pop(key)
        data["wrong"] = sorted(data["wrong"], key=lambda wrong: wrong["name"])
        # Declarations left at their defaults are left out, so that adding one to the spec
        # does not change the hash (and the version) of every exercise that declares none.
        for key in ("bool_result", "unchanged_inputs"):
            if not data[key]:
                data.pop(key)
        # Left out when unused, so the hashes of exercises without them stay as they were.
        for key in ("data_files", "trained_model"):
            if not data[key]:
                data.pop(key)
        if "data_files" in data:
            data["data_files"] = sorted(data["data_files"], key=lambda item: item["name"])
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PackageError(f"{path}: file is larger than {MAX_FILE_BYTES // 1024} KiB")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackageError(f"{path}: file is missing") from None
    except UnicodeDecodeError as exc:
        raise PackageError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise PackageError(f"{path}: cannot be read ({exc.strerror})") from None


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise PackageError(f"{path}: invalid TOML: {exc}") from None


def check_python(path: Path, source: str) -> None:
    try:
        ast.parse(source, filename=str(path))
    except SyntaxError as exc:
        raise PackageError(f"{path}: line {exc.lineno}: Python syntax error: {exc.msg}") from None


def _get(meta: dict, key: str, kind, path: Path, default=None, required=False):
    if key not in meta:
        if required:
            raise PackageError(f"{path}: missing required key '{key}'")
        return default
    value = meta[key]
    if kind is float and type(value) is int:
        value = float(value)
    if type(value) is not kind:
        raise PackageError(f"{path}: '{key}' must be {kind.__name__}, not {type(value).__name__}")
    return value


def _str_list(meta: dict, key: str, path: Path) -> list[str]:
    value = _get(meta, key, list, path, default=[])
    if not all(type(item) is str and item for item in value):
        raise PackageError(f"{path}: '{key}' must be a list of non-empty strings")
    return value


def defines_function(source: str, name: str) -> bool:
    tree = ast.parse(source)
    return any(
        isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name
        for node in tree.body
    )


def parameter_names(source: str, name: str, *, positional: bool = False) -> list[str]:
    """The parameter names of the top-level function `name` in `source`, in order.

    `positional`: only those that can be passed by position (their index is their position).
    """
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == name:
            args = node.args
            keyword_only = [] if positional else args.kwonlyargs
            return [a.arg for a in (*args.posonlyargs, *args.args, *keyword_only)]
    return []


def read_exercise(folder: Path) -> ExerciseSpec:
    """Read and check one exercise folder."""
    toml_path = folder / "exercise.toml"
    meta = read_toml(toml_path)
    known = {
        "slug",
        "title",
        "kind",
        "entry_point",
        "lesson",
        "tolerance",
        "limits",
        "forbidden",
        "hints",
        "order",
        "bool_result",
        "unchanged_inputs",
        "trained_model",
    }
    unknown = sorted(set(meta) - known)
    if unknown:
        raise PackageError(f"{toml_path}: unknown keys {unknown} (known: {sorted(known)})")
    slug = _get(meta, "slug", str, toml_path, required=True)
    if not SLUG_RE.match(slug):
        raise PackageError(f"{toml_path}: slug {slug!r} must be lowercase letters, digits, - or _")
    if slug in RESERVED_SLUGS:
        raise PackageError(f"{toml_path}: slug {slug!r} is reserved for a page of the platform")
    kind = _get(meta, "kind", str, toml_path, required=True)
    if kind not in KINDS:
        raise PackageError(f"{toml_path}: kind {kind!r} must be one of {', '.join(KINDS)}")
    entry_point = _get(meta, "entry_point", str, toml_path, required=True)
    if not entry_point.isidentifier():
        raise PackageError(f"{toml_path}: entry_point {entry_point!r} is not a Python name")
    tolerance = _get(meta, "tolerance", dict, toml_path, default={})
    limits = _get(meta, "limits", dict, toml_path, default={})
    for name, table, keys in (
        ("tolerance", tolerance, {"rtol", "atol"}),
        ("limits", limits, {"wall_seconds", "cpu_seconds", "memory_mb"}),
    ):
        if set(table) - keys:
            unknown_keys = sorted(set(table) - keys)
            raise PackageError(f"{toml_path}: [{name}] has unknown keys {unknown_keys}")
        for key in keys & set(table):
            value = _get(table, key, int if key == "memory_mb" else float, toml_path)
            # A zero or negative limit (or a NaN tolerance) would make every verdict wrong.
            if not math.isfinite(value) or value < 0 or (name == "limits" and value == 0):
                raise PackageError(f"{toml_path}: [{name}] {key} = {value} is out of range")
    order = _get(meta, "order", int, toml_path)
    if order is not None and order < 0:
        raise PackageError(f"{toml_path}: 'order' must not be negative")

    sources = {}
    for filename in ("solution.py", "cases.py", "starter.py"):
        sources[filename] = read_text(folder / filename)
        check_python(folder / filename, sources[filename])
    if not defines_function(sources["solution.py"], entry_point):
        raise PackageError(f"{folder / 'solution.py'}: does not define {entry_point}()")
    if not defines_function(sources["cases.py"], "cases"):
        raise PackageError(f"{folder / 'cases.py'}: does not define cases()")

    unchanged_inputs = _str_list(meta, "unchanged_inputs", toml_path)
    parameters = parameter_names(sources["solution.py"], entry_point)
    unknown_inputs = [name for name in unchanged_inputs if name not in parameters]
    if unknown_inputs:
        raise PackageError(
            f"{toml_path}: unchanged_inputs names {unknown_inputs}, which are not parameters "
            f"of {entry_point}() in solution.py ({', '.join(parameters)})"
        )

    wrong = []
    wrong_dir = folder / "wrong"
    if wrong_dir.is_dir():
        for path in sorted(wrong_dir.glob("*.py")):
            source = read_text(path)
            check_python(path, source)
            hint = ast.get_docstring(ast.parse(source)) or ""
            wrong.append(WrongSpec(name=path.stem, source=source, hint=hint.strip()))

    trained_model = _trained_model(meta, toml_path)
    data_files = _read_data(folder, set(trained_model.get("heldout", [])))

    return ExerciseSpec(
        slug=slug,
        title=_get(meta, "title", str, toml_path, required=True),
        kind=kind,
        entry_point=entry_point,
        statement=read_text(folder / "statement.md"),
        starter_code=sources["starter.py"],
        reference_solution=sources["solution.py"],
        cases_source=sources["cases.py"],
        rtol=_get(tolerance, "rtol", float, toml_path),
        atol=_get(tolerance, "atol", float, toml_path),
        wall_seconds=_get(limits, "wall_seconds", float, toml_path, default=5.0),
        cpu_seconds=_get(limits, "cpu_seconds", float, toml_path, default=5.0),
        memory_mb=_get(limits, "memory_mb", int, toml_path, default=512),
        forbidden=_str_list(meta, "forbidden", toml_path),
        hints=_str_list(meta, "hints", toml_path),
        lesson=_get(meta, "lesson", str, toml_path, default=""),
        wrong=wrong,
        order=order,
        bool_result=_get(meta, "bool_result", bool, toml_path, default=False),
        unchanged_inputs=unchanged_inputs,
        data_files=data_files,
        trained_model=trained_model,
    )


def _trained_model(meta: dict, toml_path: Path) -> dict:
    """The [trained_model] table, checked: a registered scorer, a finite threshold."""
    from grader.scorers import SCORERS  # names only: no scorer module is imported here

    table = _get(meta, "trained_model", dict, toml_path, default={})
    if not table:
        return {}
    unknown = sorted(set(table) - TRAINED_MODEL_KEYS)
    if unknown:
        raise PackageError(f"{toml_path}: [trained_model] has unknown keys {unknown}")
    scorer = _get(table, "scorer", str, toml_path, required=True)
    if scorer not in SCORERS:
        raise PackageError(
            f"{toml_path}: [trained_model] scorer {scorer!r} is not one of the platform's "
            f"trusted scorers ({', '.join(sorted(SCORERS))})"
        )
    threshold = _get(table, "threshold", float, toml_path, required=True)
    if not math.isfinite(threshold):
        raise PackageError(f"{toml_path}: [trained_model] threshold must be a finite number")
    heldout = _str_list(table, "heldout", toml_path)
    if not heldout or len(set(heldout)) != len(heldout):
        raise PackageError(
            f"{toml_path}: [trained_model] heldout must name one or more distinct files of data/"
        )
    result = {"scorer": scorer, "threshold": threshold, "heldout": heldout}
    losses_key = _get(table, "losses_key", str, toml_path)
    if losses_key is not None:
        if not losses_key:
            raise PackageError(f"{toml_path}: [trained_model] losses_key must not be empty")
        result["losses_key"] = losses_key
    seed_index = _get(table, "seed_index", int, toml_path)
    if seed_index is not None:
        if seed_index < 0:
            raise PackageError(f"{toml_path}: [trained_model] seed_index must not be negative")
        result["seed_index"] = seed_index
    return result


def _read_data(folder: Path, heldout: set[str]) -> list[DataFileSpec]:
    """The text files of data/ (flat, UTF-8); every held-out name must be one of them."""
    data_dir = folder / "data"
    files = []
    if data_dir.is_dir():
        entries = sorted(data_dir.iterdir())
        if len(entries) > MAX_DATA_FILES:
            raise PackageError(f"{data_dir}: more than {MAX_DATA_FILES} files")
        for path in entries:
            if not path.is_file() or not DATA_NAME_RE.match(path.name):
                raise PackageError(
                    f"{path}: data/ holds only plain files named with letters, digits, . _ -"
                )
            files.append(
                DataFileSpec(name=path.name, text=read_text(path), heldout=path.name in heldout)
            )
    elif data_dir.exists():
        raise PackageError(f"{data_dir}: must be a folder")
    missing = sorted(heldout - {f.name for f in files})
    if missing:
        raise PackageError(
            f"{folder / 'exercise.toml'}: [trained_model] heldout names {missing}, "
            f"which are not files of {data_dir}"
        )
    return files
