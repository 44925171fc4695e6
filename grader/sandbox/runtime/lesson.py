"""Inside the job's child: run one lesson code block after the lesson's earlier blocks.

A lesson job is notebook-style: the trusted side sends the lesson's own earlier blocks
(the "context", taken from the lesson text in the database, never from the browser) and
the block to run (the learner's possibly edited version). The context runs first with
its output discarded, then the block, with its output going to stdout/stderr as usual.
Figures left open by the block (Matplotlib, Agg backend) are rendered to PNG here and sent
back as uint8 arrays; the trusted side checks every byte of them before storing anything.

Everything here runs after author and learner code in the same process, so, as in
harness.py, nothing written here decides anything: the frames are hostile data to the
trusted side (grader/sandbox/lessonrun.py).

Result stream (file descriptor RESULT_FD), one wire frame each:
    {"t": "context", "error": None | {"block", "type", "message", "traceback"}}
    {"t": "run", "error": None | {"type", "message", "traceback"}}       (if the context ran)
    {"t": "figure", "png": uint8 array}                                   (0..MAX_FIGURES)
    {"t": "memory"}     an allocation was refused (a claim, as in harness.py)
    {"t": "end", "omitted": number of figures not sent}
"""

from __future__ import annotations

import builtins
import io
import linecache
import os
import sys
import traceback
import warnings

import numpy as np
from harness import RESULT_FD, TEXT_CAP, _is_allocation_failure, _safe, _Writer

MAX_FIGURES = 4
MAX_FIGURE_BYTES = 2 * 1024 * 1024  # the trusted side's cap (lessons/figures.py)
MAX_SIDE = 4096  # pixels, on either side
DPI = 100
CONFIG_DIR = "/tmp/matplotlib"


def warm() -> None:
    """In the zygote, once: import Matplotlib (Agg) and pandas so a job does not pay for it.

    Importing runs no job code and starts no thread; Matplotlib builds its font list here
    (about a second), once per zygote, instead of in every job. See docs/sandbox.md for
    the measured cost and the decision.
    """
    os.environ["MPLBACKEND"] = "Agg"
    # The zygote has no home directory: Matplotlib would warn and pick a temporary one.
    os.makedirs(CONFIG_DIR, exist_ok=True)
    os.environ["MPLCONFIGDIR"] = CONFIG_DIR
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as pyplot

        _draw_once(pyplot)
    except ImportError:
        pass
    try:
        import pandas  # noqa: F401 - warm import
    except ImportError:
        pass


def _draw_once(pyplot) -> None:
    """Draw and save one small figure, so every job inherits loaded fonts and caches."""
    figure, axes = pyplot.subplots(figsize=(2, 2))
    axes.plot([0, 1], [0, 1], marker="o", label="warm")
    axes.set(title="warm", xlabel="x", ylabel="y")
    axes.legend()
    figure.savefig(io.BytesIO(), format="png", dpi=DPI)
    pyplot.close("all")


def block_name(number: int) -> str:
    return f"block {number}"


def run(meta: dict) -> None:
    """Run the context, then the block; write the frames; never returns."""
    out = _Writer(RESULT_FD)
    spec = meta["lesson"]
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    pyplot = _pyplot()
    for number, source in spec["context"]:
        with _Silenced():
            error, memory = _execute(source, block_name(number), namespace)
        if error is not None:
            out.frame({"t": "context", "error": {"block": number, **error}})
            _finish(out, memory, omitted=0)
        _close_figures(pyplot)
    out.frame({"t": "context", "error": None})
    error, memory = _execute(spec["source"], block_name(spec["number"]), namespace)
    out.frame({"t": "run", "error": error})
    omitted = 0 if memory else _send_figures(out, pyplot)
    _finish(out, memory, omitted=omitted)


def _pyplot():
    module = sys.modules.get("matplotlib.pyplot")
    if module is not None:
        # Agg cannot show anything: show() would only warn. Open figures are sent at the
        # end, as a notebook shows them after the cell.
        module.show = lambda *args, **kwargs: None
    return module


def _execute(source: str, filename: str, namespace: dict) -> tuple[dict | None, bool]:
    """Run one block in `namespace`; return (error or None, whether memory was refused)."""
    lines = source.splitlines(keepends=True)
    linecache.cache[filename] = (len(source), None, lines, filename)
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
        exec(code, namespace)  # noqa: S102 - the point; this process is confined
    except BaseException as exc:  # noqa: BLE001 - SystemExit included: it is the code's
        return _error_data(exc), _is_allocation_failure(exc)
    return None, False


def _error_data(exc: BaseException) -> dict:
    def own_traceback() -> str:
        # Only the frames of the lesson's blocks: the runner's own frames teach nothing.
        names = {key for key in linecache.cache if key.startswith("block ")}
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename in names]
        lines = ["Traceback (most recent call last):\n"] if frames else []
        lines += traceback.format_list(frames)
        lines += traceback.format_exception_only(type(exc), exc)
        return "".join(lines)

    return {
        "type": _safe(lambda: type(exc).__name__, "Exception")[:200],
        "message": _safe(lambda: str(exc), "(the exception could not be turned into text)")[
            :TEXT_CAP
        ],
        "traceback": _safe(own_traceback, "")[:TEXT_CAP],
    }


def _close_figures(pyplot) -> None:
    if pyplot is not None:
        try:
            pyplot.close("all")
        except Exception:  # noqa: BLE001 - the code may have broken pyplot; nothing to send
            pass


def _send_figures(out: _Writer, pyplot) -> int:
    if pyplot is None:
        return 0
    try:
        numbers = list(pyplot.get_fignums())
    except Exception:  # noqa: BLE001
        return 0
    for number in numbers[:MAX_FIGURES]:
        try:
            png = _render(pyplot.figure(number))
        except Exception:  # noqa: BLE001 - a figure that cannot be drawn is not sent
            continue
        out.frame({"t": "figure", "png": np.frombuffer(png, dtype=np.uint8)})
    return max(0, len(numbers) - MAX_FIGURES)


def _render(figure) -> bytes:
    width, height = figure.get_size_inches()
    # Keep both sides under the cap, whatever figsize the code asked for.
    dpi = min(float(DPI), MAX_SIDE / max(float(width), float(height), 0.01))
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()[: MAX_FIGURE_BYTES + 1]


def _finish(out: _Writer, memory: bool, *, omitted: int) -> None:
    if memory:
        out.frame({"t": "memory"})
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - the code may have replaced or closed it
            pass
    out.frame({"t": "end", "omitted": int(omitted)})
    os._exit(0)


class _Silenced:
    """Discard what the context blocks print (Python-level streams; warnings included)."""

    def __enter__(self):
        self.saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = _Discard()
        return self

    def __exit__(self, *exc_info) -> None:
        sys.stdout, sys.stderr = self.saved


class _Discard(io.TextIOBase):
    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        return len(text)
