"""Map one sandbox run (and the trusted judgement of its results) to a learner's verdict.

    ok, module loaded, no forbidden call, every case passed  -> passed
    ok, a case raised                                        -> error
    ok, some case wrong                                      -> failed
    ok, the module failed to load (syntax, import, no entry) -> error
    ok, a forbidden call seen at run time                    -> failed
    timeout / memory_limit / output_limit                    -> the same name
    error (crashed, exited early, malformed results)         -> error

Nothing in a RunResult that the learner's process wrote can produce "passed" on its own:
it needs status "ok" from the host's own evidence and a judgement computed on this side.
"""

from __future__ import annotations

from grader.sandbox.types import RunResult

PASSED, FAILED, ERROR = "passed", "failed", "error"
LIMITS = ("timeout", "memory_limit", "output_limit")


def verdict_of(run_result: RunResult, judgement=None, *, forbidden_found: list[str] = ()) -> str:
    """Return passed/failed/error/timeout/memory_limit/output_limit for one run.

    `judgement` is grader.judging.Judgement for run_result.results (None when the run did
    not get that far); `forbidden_found` is what the static scan reported.
    """
    if run_result.status in LIMITS:
        return run_result.status
    if run_result.status != "ok":
        return ERROR
    if run_result.load_error is not None:
        return ERROR
    if run_result.forbidden_used or forbidden_found:
        return FAILED
    if judgement is None:
        return ERROR
    if any(type(r) is dict and "error" in r for r in run_result.results):
        return ERROR
    cases = list(getattr(judgement, "cases", []))
    if len(run_result.results) != len(cases) or not cases:
        return ERROR
    if getattr(judgement, "verdict", None) == PASSED and all(c.passed for c in cases):
        return PASSED
    return FAILED
