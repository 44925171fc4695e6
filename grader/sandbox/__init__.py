"""Run untrusted learner code: a warm zygote per worker process, a confined fork per job.

    sandbox = get_sandbox()
    run = sandbox.run(source=..., entry_point="softmax", kind="numpy",
                      cases=[case_payload(c) for c in cases], limits=Limits())

No Django here (see docs/sandbox.md for every layer and what each test proves).
`unsafe=True` is the development switch: the same zygote and harness in a plain
subprocess, without bubblewrap, namespaces, uid switch or seccomp (RunResult.unsafe).
"""

from __future__ import annotations

import os
import threading

from grader.sandbox.host import Sandbox
from grader.sandbox.types import Check, Limits, RunResult, SandboxUnavailable

__all__ = ["Check", "Limits", "RunResult", "Sandbox", "SandboxUnavailable", "get_sandbox"]

_lock = threading.Lock()
_instances: dict[tuple, Sandbox] = {}
_owner_pid = os.getpid()


def get_sandbox(*, unsafe: bool = False, uid_base: int = 61000, threads: int = 1) -> Sandbox:
    """The process's sandbox for these settings; the zygote starts on the first run.

    Safe after fork: a forked process (a Celery prefork child) never reuses its parent's
    zygote pipes or slot; it forgets them and builds its own.
    """
    global _owner_pid
    with _lock:
        if os.getpid() != _owner_pid:
            for inherited in _instances.values():
                inherited.forget()
            _instances.clear()
            _owner_pid = os.getpid()
        key = (bool(unsafe), int(uid_base), max(1, int(threads)))
        sandbox = _instances.get(key)
        if sandbox is None:
            sandbox = Sandbox(unsafe=unsafe, uid_base=uid_base, threads=threads)
            _instances[key] = sandbox
        return sandbox


def _close_all() -> None:
    if os.getpid() == _owner_pid:
        for sandbox in _instances.values():
            sandbox.close()


if hasattr(os, "register_at_fork"):
    # The lock may be held by another thread at fork time: give the child a fresh one.
    def _after_fork_in_child() -> None:
        global _lock, _owner_pid
        _lock = threading.Lock()
        # Close the inherited zygote channel and slot lock now: a forked child that never
        # grades must not keep its parent's slot locked after the parent is gone.
        for inherited in _instances.values():
            inherited.forget()
        _instances.clear()
        _owner_pid = os.getpid()

    os.register_at_fork(after_in_child=_after_fork_in_child)

import atexit  # noqa: E402

atexit.register(_close_all)
