"""Decide a job's RunResult from what the kernel and the zygote reported (trusted side).

Order of evidence, strongest first: limits the host itself enforced (output caps, the wall
clock), then how the process ended (the zygote's wait status and rusage, the slot
cgroup's OOM-kill counter), and only last the result frames, which the learner's process
wrote and which are therefore parsed as hostile data. Nothing the learner prints or
raises can turn a limit or a crash into "ok".
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, field

from grader.sandbox.runtime import wire
from grader.sandbox.types import Limits, RunResult

STDOUT_READ_CAP = 1 << 20
STDOUT_KEEP = 8 << 10
RESULTS_CAP = 16 << 20
FILE_LIMIT_MB = 16
FRAME_LIMITS = wire.Limits(header_bytes=4 << 20, payload_bytes=RESULTS_CAP)
ERROR_FIELDS = {"type", "message", "traceback"}


@dataclass
class Collected:
    """Everything the host gathered about one job."""

    report: dict
    stdout: bytes
    results: bytes
    killed_for: str | None  # None | "wall" | "stdout" | "results"
    oom_killed: bool
    wall_ms: float
    ncases: int
    limits: Limits
    unsafe: bool
    forbidden: tuple[str, ...] = ()  # the exercise's forbidden names: all the end record may name


@dataclass
class Stream:
    load_error: dict | None = None
    results: list = field(default_factory=list)
    memory_claim: bool = False
    forbidden: list[str] = field(default_factory=list)
    ended: bool = False
    problem: str = ""


def decide(c: Collected) -> RunResult:
    stream = parse_stream(c.results, c.ncases, forbidden=c.forbidden)
    run = RunResult(
        status="ok",
        results=stream.results,
        load_error=stream.load_error,
        stdout=c.stdout[:STDOUT_KEEP].decode("utf-8", "replace"),
        forbidden_used=stream.forbidden,
        wall_ms=c.wall_ms,
        cpu_ms=float(c.report.get("cpu_ms", 0.0)),
        max_rss_kb=int(c.report.get("maxrss_kb", 0)),
        unsafe=c.unsafe,
    )
    run.status, run.message = _status(c, stream, run.cpu_ms)
    return run


def _status(c: Collected, stream: Stream, cpu_ms: float) -> tuple[str, str]:
    limits = c.limits
    if c.killed_for == "stdout":
        return "output_limit", f"printed more than {STDOUT_READ_CAP // 1024} KiB of output"
    if c.killed_for == "results":
        return "output_limit", f"returned more than {RESULTS_CAP >> 20} MiB of results"
    if c.killed_for == "wall":
        return "timeout", f"stopped after {limits.wall_seconds:g} s wall clock"
    status = int(c.report["status"])
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGKILL and c.oom_killed:
            return "memory_limit", f"out of memory ({limits.memory_mb} MB limit)"
        if sig == signal.SIGXCPU or (
            sig == signal.SIGKILL and cpu_ms >= limits.cpu_seconds * 1000.0 * 0.98
        ):
            return "timeout", f"used more than {limits.cpu_seconds:g} s of CPU time"
        if sig == signal.SIGXFSZ:
            return "output_limit", f"wrote a file larger than {FILE_LIMIT_MB} MB"
        return "error", f"killed by signal {sig} ({_signal_name(sig)})"
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
    if stream.problem:
        return "error", f"sent back malformed results ({stream.problem})"
    if stream.memory_claim:
        # Reported from inside the sandbox (an allocation refused under RLIMIT_AS): a claim
        # the learner could fake, so it may only ever cost them, never pass a case.
        refused = f"out of memory ({limits.memory_mb} MB limit): an allocation was refused"
        return "memory_limit", refused
    complete = stream.ended and (stream.load_error is not None or len(stream.results) == c.ncases)
    if code != 0 or not complete:
        return "error", f"exited with code {code} before returning every result"
    return "ok", ""


def _signal_name(sig: int) -> str:
    try:
        return signal.Signals(sig).name
    except ValueError:
        return "unknown signal"


def parse_stream(data: bytes, ncases: int, *, forbidden: tuple[str, ...] = ()) -> Stream:
    """Split the result fd's bytes into frames and check each against the protocol.

    The end record's forbidden names are kept only where they are on `forbidden` (the
    exercise's list); anything else in it is dropped, never a reason to fail the run.
    """
    stream = Stream()
    offset, expect_load = 0, True
    view = memoryview(data)
    while offset < len(view):
        if stream.ended:
            stream.problem = "data after the last frame"
            return stream
        try:
            header, payload, used = wire.read_frame(view[offset:], FRAME_LIMITS)
            frame = wire.decode_tree(header["tree"], payload)
        except wire.WireError as exc:
            stream.problem = str(exc)[:200]
            return stream
        except Exception as exc:  # noqa: BLE001 - any parsing fault is an error verdict
            stream.problem = f"unreadable frame ({type(exc).__name__})"
            return stream
        offset += used
        problem = _take(stream, frame, expect_load, ncases, forbidden)
        if problem:
            stream.problem = problem
            return stream
        expect_load = False
    return stream


def _take(stream: Stream, frame, expect_load: bool, ncases: int, forbidden) -> str:
    if type(frame) is not dict or type(frame.get("t")) is not str:
        return "a frame is not a typed record"
    kind = frame["t"]
    if expect_load != (kind == "load"):
        return "frames out of order"
    if kind == "load":
        if set(frame) != {"t", "error"}:
            return "a malformed load record"
        if frame["error"] is not None and not _is_error(frame["error"]):
            return "a malformed load error"
        stream.load_error = frame["error"]
        return ""
    if kind == "case":
        if set(frame) != {"t", "r"} or stream.load_error is not None or stream.memory_claim:
            return "an unexpected case record"
        if len(stream.results) >= ncases:
            return "more results than cases"
        result = frame["r"]
        if not _is_case_result(result):
            return "a malformed case record"
        stream.results.append(result)
        return ""
    if kind == "memory":
        if set(frame) != {"t"}:
            return "a malformed memory record"
        stream.memory_claim = True
        return ""
    if kind == "end":
        names = frame.get("forbidden")
        if set(frame) != {"t", "forbidden"} or type(names) is not list:
            return "a malformed end record"
        # The learner's process writes this list: only the exercise's own names count (a
        # listed name is a claim that can only fail its author), the rest is dropped.
        listed = set(forbidden)
        stream.forbidden = sorted({n for n in names if type(n) is str and n in listed})
        stream.ended = True
        return ""
    return "an unknown record"


def _is_error(value) -> bool:
    return (
        type(value) is dict
        and set(value) == ERROR_FIELDS
        and all(type(value[k]) is str for k in ERROR_FIELDS)
    )


def _is_case_result(value) -> bool:
    if type(value) is not dict:
        return False
    if set(value) == {"error"}:
        return _is_error(value["error"])
    if "value" not in value or not set(value) <= {"value", "grads", "inputs_after"}:
        return False
    return all(type(value[key]) is list for key in ("grads", "inputs_after") if key in value)
