"""The trusted side of a lesson job: run one code block after the lesson's earlier blocks.

    result = run_lesson_block(sandbox, context=[(1, src1), (2, src2)], number=3,
                              source=edited, limits=Limits(wall_seconds=10, ...))

Same zygote, same confinement and same caps as a submission (docs/sandbox.md); no hidden
data is ever part of a lesson job, so the block's own output, exception and figures may
all be shown to the learner who ran it. The frames that come back are parsed as hostile
data with exact types, like a submission's results; figures come back as raw PNG bytes and
are NOT checked here (no image parsing in this package): the caller checks each with
`lessons.figures.figure_check` before storing or showing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from grader.sandbox import outcome
from grader.sandbox.runtime import wire
from grader.sandbox.types import Limits

OUTPUT_KEEP = 16 << 10  # characters of output kept for the page
MAX_FIGURES = 4
MAX_FIGURE_BYTES = 2 * 1024 * 1024 + 1  # one byte over the figure cap: the caller refuses it
TEXT_FIELDS = {"type", "message", "traceback"}


@dataclass
class LessonRunResult:
    status: str  # one of grader.sandbox.types.STATUSES
    output: str = ""  # the block's stdout and stderr, interleaved (untrusted display text)
    error: dict | None = None  # the block's exception: {"type", "message", "traceback"}
    context_error: dict | None = None  # an earlier block failed: {"block", "type", ...}
    figures: list[bytes] = field(default_factory=list)  # raw, unchecked PNG bytes
    omitted_figures: int = 0
    message: str = ""  # trusted explanation of a non-ok status
    wall_ms: float = 0.0
    cpu_ms: float = 0.0
    unsafe: bool = False


@dataclass
class _Stream:
    """What outcome._status reads, plus the lesson records."""

    load_error: dict | None = None
    results: list = field(default_factory=list)
    memory_claim: bool = False
    ended: bool = False
    problem: str = ""
    context_seen: bool = False
    run_seen: bool = False
    context_error: dict | None = None
    error: dict | None = None
    figures: list[bytes] = field(default_factory=list)
    omitted: int = 0


def run_lesson_block(
    sandbox,
    *,
    context: list[tuple[int, str]],
    number: int,
    source: str,
    limits: Limits,
) -> LessonRunResult:
    """Run block `number` (`source`) after the `context` blocks; never raises for the code.

    Raises SandboxUnavailable for infrastructure faults only, as `Sandbox.run` does.
    """
    meta = {
        "lesson": {
            "context": [[int(n), str(text)] for n, text in context],
            "number": int(number),
            "source": str(source),
        }
    }
    # The job path of the self-test's probe and of author jobs: inputs in a memfd, the
    # same caps, deadline, kill and sweep as a submission, the sandbox held throughout.
    collected = sandbox.execute([wire.encode(meta)], limits, ncases=0)
    stream = parse_lesson_stream(collected.results)
    status, message = outcome._status(collected, stream, float(collected.report.get("cpu_ms", 0)))
    if status == "ok" and not (stream.run_seen or stream.context_error):
        status, message = "error", "ended before the block finished"
    return LessonRunResult(
        status=status,
        output=collected.stdout.decode("utf-8", "replace")[:OUTPUT_KEEP],
        error=stream.error,
        context_error=stream.context_error,
        figures=stream.figures if status == "ok" else [],
        omitted_figures=stream.omitted,
        message=message,
        wall_ms=collected.wall_ms,
        cpu_ms=float(collected.report.get("cpu_ms", 0.0)),
        unsafe=collected.unsafe,
    )


def parse_lesson_stream(data: bytes) -> _Stream:
    """Split the result bytes into frames and check each against the lesson protocol."""
    stream = _Stream()
    view, offset = memoryview(data), 0
    while offset < len(view):
        if stream.ended:
            stream.problem = "data after the last frame"
            return stream
        try:
            header, payload, used = wire.read_frame(view[offset:], outcome.FRAME_LIMITS)
            frame = wire.decode_tree(header["tree"], payload)
        except wire.WireError as exc:
            stream.problem = str(exc)[:200]
            return stream
        except Exception as exc:  # noqa: BLE001 - any parsing fault is an error
            stream.problem = f"unreadable frame ({type(exc).__name__})"
            return stream
        offset += used
        problem = _take(stream, frame)
        if problem:
            stream.problem = problem
            return stream
    return stream


def _take(stream: _Stream, frame) -> str:
    if type(frame) is not dict or type(frame.get("t")) is not str:
        return "a frame is not a typed record"
    kind = frame["t"]
    if kind == "context":
        if stream.context_seen or set(frame) != {"t", "error"}:
            return "an unexpected context record"
        stream.context_seen = True
        error = frame["error"]
        if error is None:
            return ""
        if not _is_error(error, extra={"block"}) or type(error["block"]) is not int:
            return "a malformed context error"
        stream.context_error = error
        return ""
    if not stream.context_seen:
        return "frames out of order"
    if kind == "run":
        if stream.run_seen or stream.context_error or set(frame) != {"t", "error"}:
            return "an unexpected run record"
        if frame["error"] is not None and not _is_error(frame["error"]):
            return "a malformed run error"
        stream.run_seen = True
        stream.error = frame["error"]
        return ""
    if kind == "figure":
        png = frame.get("png")
        if not stream.run_seen or set(frame) != {"t", "png"} or len(stream.figures) >= MAX_FIGURES:
            return "an unexpected figure record"
        if type(png) is not np.ndarray or png.dtype != np.uint8 or png.ndim != 1:
            return "a figure that is not a byte string"
        if png.size > MAX_FIGURE_BYTES:
            return "a figure over the size cap"
        stream.figures.append(png.tobytes())
        return ""
    if kind == "memory":
        if set(frame) != {"t"}:
            return "a malformed memory record"
        stream.memory_claim = True
        return ""
    if kind == "end":
        omitted = frame.get("omitted")
        if set(frame) != {"t", "omitted"} or type(omitted) is not int or not 0 <= omitted < 1 << 20:
            return "a malformed end record"
        stream.omitted = omitted
        stream.ended = True
        return ""
    return "an unknown record"


def _is_error(value, extra: set = frozenset()) -> bool:
    return (
        type(value) is dict
        and set(value) == TEXT_FIELDS | extra
        and all(type(value[k]) is str for k in TEXT_FIELDS)
    )
