"""The sandbox's public data types (no Django, no learner code: plain dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("ok", "timeout", "memory_limit", "output_limit", "error")


@dataclass(frozen=True)
class Limits:
    wall_seconds: float = 5.0
    cpu_seconds: float = 5.0
    memory_mb: int = 512
    threads: int = 1


class SandboxUnavailable(Exception):
    """The sandbox could not run the job (infrastructure fault): retry, never blame the learner.

    `known` is True when this process already knew it cannot grade and refused at once
    (no zygote start, no self-test): the job belongs on another process, without delay.
    """

    def __init__(self, message: str, *, known: bool = False) -> None:
        super().__init__(message)
        self.known = known


@dataclass(frozen=True)
class Health:
    """Whether this process's sandbox can grade, and why not (published by workers)."""

    can_grade: bool | None  # None: not started yet
    reason: str = ""
    checked_at: float = 0.0  # time.time() of the last self-test or state change
    zygote_start_ms: float = 0.0
    selftest_ms: float = 0.0
    attempts: int = 0  # self-test attempts at the last start (2: the first one failed)


@dataclass
class RunResult:
    status: str  # one of STATUSES
    results: list = field(default_factory=list)
    load_error: dict | None = None
    stdout: str = ""
    message: str = ""
    forbidden_used: list[str] = field(default_factory=list)
    wall_ms: float = 0.0
    cpu_ms: float = 0.0
    max_rss_kb: int = 0
    unsafe: bool = False


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""
