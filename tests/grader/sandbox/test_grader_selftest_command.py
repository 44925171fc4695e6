"""manage.py grader_selftest prints every check and exits non-zero on any failure."""

import pytest
from django.core.management import call_command

from grader.sandbox import Sandbox
from grader.sandbox.types import Check


@pytest.mark.sandbox
def test_grader_selftest_passes_here_and_prints_each_check(capsys, canary):
    call_command("grader_selftest")
    out = capsys.readouterr().out
    assert "CapEff" in out and "seccomp" in out and "checks passed" in out
    assert "FAIL" not in out


def test_grader_selftest_exits_non_zero_when_a_check_fails(monkeypatch, capsys):
    monkeypatch.setattr(
        Sandbox,
        "selftest",
        lambda self: [
            Check("seccomp filter active (mode 2)", True, "2"),
            Check("socket(inet) fails", False, "it worked"),
        ],
    )
    with pytest.raises(SystemExit) as exit_info:
        call_command("grader_selftest")
    assert exit_info.value.code == 1
    captured = capsys.readouterr()
    assert "FAIL socket(inet) fails" in captured.out and "1 of 2 checks failed" in captured.err
