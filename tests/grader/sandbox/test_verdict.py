"""verdict_of: only a clean run whose every case the trusted side judged can pass."""

import pytest

from grader.judging import CaseResult, Judgement
from grader.sandbox import RunResult
from grader.sandbox.verdict import verdict_of


def judged(*passed: bool) -> Judgement:
    cases = [CaseResult(f"c{i}", True, p) for i, p in enumerate(passed)]
    verdict = "passed" if all(passed) else "failed"
    return Judgement(verdict=verdict, score=sum(passed) / len(passed), cases=cases)


def ok_run(*results) -> RunResult:
    return RunResult(status="ok", results=list(results))


VALUE = {"value": 1.0}
RAISED = {"error": {"type": "ValueError", "message": "x", "traceback": ""}}


def test_all_cases_passed_is_passed():
    assert verdict_of(ok_run(VALUE, VALUE), judged(True, True)) == "passed"


def test_a_wrong_case_is_failed_and_a_raising_case_is_error():
    assert verdict_of(ok_run(VALUE, VALUE), judged(True, False)) == "failed"
    assert verdict_of(ok_run(VALUE, RAISED), judged(True, False)) == "error"


@pytest.mark.parametrize("status", ["timeout", "memory_limit", "output_limit"])
def test_limits_keep_their_name_whatever_the_results_say(status):
    run = RunResult(status=status, results=[VALUE, VALUE])
    assert verdict_of(run, judged(True, True)) == status


def test_a_crash_is_an_error_even_if_every_finished_case_passed():
    run = RunResult(status="error", results=[VALUE, VALUE], message="killed by signal 11")
    assert verdict_of(run, judged(True, True)) == "error"


def test_load_errors_missing_judgements_and_mismatched_counts_are_errors():
    error = {"type": "SyntaxError", "message": "", "traceback": ""}
    loaded_badly = RunResult(status="ok", load_error=error)
    assert verdict_of(loaded_badly, None) == "error"
    assert verdict_of(ok_run(VALUE), None) == "error"
    assert verdict_of(ok_run(VALUE), judged(True, True)) == "error"
    assert verdict_of(ok_run(), Judgement(verdict="passed", score=1.0, cases=[])) == "error"


def test_a_forbidden_call_fails_an_otherwise_passing_run():
    run = ok_run(VALUE)
    run.forbidden_used = ["torch.conv2d"]
    assert verdict_of(run, judged(True)) == "failed"
    assert verdict_of(ok_run(VALUE), judged(True), forbidden_found=["torch.conv2d"]) == "failed"


def test_a_judgement_that_claims_passed_with_a_failed_case_is_not_a_pass():
    forged = Judgement(verdict="passed", score=1.0, cases=[CaseResult("c", True, False)])
    assert verdict_of(ok_run(VALUE), forged) == "failed"
