"""Print the sandbox's figures on this machine (docs/sandbox.md quotes them).

    .venv/bin/python -m grader.sandbox.measure [--jobs 200] [--gap-ms 50] [--unsafe]
                                               [--runtime DIR]

Runs as root with bubblewrap, like a grading worker. Figures:
  zygote start      Popen to "ready" (imports numpy, torch and the warm modules)
  self-test         the probe job plus host checks, on a warm zygote
  fork to result    job sent -> last result byte read (fork, confinement, one case)
  job               job sent -> RunResult (adds the child's exit and reaping)
  submission        an 8-case submission: encode inputs, run, judge on the trusted side
  memory            zygote RSS; a job's own peak in its cgroup; the child's max RSS
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import numpy as np

from grader.casekit import Case
from grader.judging import judge_all
from grader.reference import case_payload
from grader.sandbox import host as host_module
from grader.sandbox.authoring import compute_outputs
from grader.sandbox.host import Sandbox, encode_case
from grader.sandbox.types import Limits

SOURCE = (
    "import numpy as np\n\ndef softmax(x, axis=-1):\n"
    "    e = np.exp(x - x.max(axis=axis, keepdims=True))\n"
    "    return e / e.sum(axis=axis, keepdims=True)\n"
)


def _cases(count: int) -> list[Case]:
    rng = np.random.default_rng(1)
    return [
        Case(f"case {i}", args=(rng.normal(size=(8, 16)), -1 if i % 2 else 0)) for i in range(count)
    ]


def _timed_reads(box: Sandbox, marks: dict) -> None:
    """Note when the result pipe hits EOF (the last result byte has been read)."""
    real_read = host_module.os.read
    gather = box._gather

    def gather_marked(zygote, job_id, out_r, res_r, deadline):
        started = time.perf_counter()

        def read(fd, size):
            data = real_read(fd, size)
            if fd == res_r and not data:
                marks["result_ms"] = (time.perf_counter() - started) * 1000.0
            return data

        host_module.os.read = read
        try:
            return gather(zygote, job_id, out_r, res_r, deadline)
        finally:
            host_module.os.read = real_read

    box._gather = gather_marked


def _median(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[int(len(ordered) * 0.9) - 1] if len(ordered) >= 10 else ordered[-1]
    return f"median {statistics.median(ordered):7.2f} ms   p90 {p90:7.2f} ms"


def _parent(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[1])


def _rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="sandbox figures")
    parser.add_argument("--jobs", type=int, default=200)
    parser.add_argument("--unsafe", action="store_true")
    parser.add_argument(
        "--gap-ms",
        type=float,
        default=0.0,
        help="idle time between jobs (a worker between submissions: the spare child is ready)",
    )
    parser.add_argument(
        "--runtime",
        help="measure another copy of grader/sandbox/runtime (a before/after comparison)",
    )
    args = parser.parse_args(argv)
    if args.runtime:
        from pathlib import Path

        from grader.sandbox import layout

        layout.RUNTIME_DIR = Path(args.runtime).resolve()
    box = Sandbox(unsafe=args.unsafe)
    try:
        started = time.perf_counter()
        box._ensure()
        first_ms = (time.perf_counter() - started) * 1000.0
        print(f"zygote start (Popen -> ready):     {box.zygote.start_ms:8.0f} ms")
        print(f"first use (start + self-test):     {first_ms:8.0f} ms")
        started = time.perf_counter()
        checks = box.selftest()
        print(
            f"self-test on a warm zygote:        {(time.perf_counter() - started) * 1000:8.0f} ms"
            f"  ({sum(c.ok for c in checks)}/{len(checks)} checks ok)"
        )

        one = [case_payload(c) for c in _cases(1)]
        marks: dict = {}
        _timed_reads(box, marks)
        to_result, job_ms, peaks, child_rss = [], [], [], []
        for _ in range(args.jobs):
            time.sleep(args.gap_ms / 1000.0)
            run = box.run(
                source=SOURCE, entry_point="softmax", kind="numpy", cases=one, limits=Limits()
            )
            assert run.status == "ok", run
            to_result.append(marks["result_ms"])
            job_ms.append(run.wall_ms)
            child_rss.append(run.max_rss_kb)
            if box.slot and box.slot.cgroup:
                peaks.append(box.slot.cgroup.peak_bytes())
        print(f"fork to result, 1 case:            {_median(to_result)}")
        print(f"job to RunResult, 1 case:          {_median(job_ms)}")

        cases = _cases(8)
        started = time.perf_counter()
        expected = compute_outputs(
            box,
            source=SOURCE,
            entry_point="softmax",
            filename="solution.py",
            frames=[encode_case(case_payload(c)) for c in cases],
            float64=True,
            limits=Limits(),
        )
        author_ms = (time.perf_counter() - started) * 1000.0
        print(f"author job, reference on 8 cases:  {author_ms:8.1f} ms")
        whole = []
        for _ in range(max(20, args.jobs // 4)):
            time.sleep(args.gap_ms / 1000.0)
            started = time.perf_counter()
            run = box.run(
                source=SOURCE,
                entry_point="softmax",
                kind="numpy",
                cases=[case_payload(c) for c in cases],
                limits=Limits(),
            )
            judgement = judge_all(cases, expected, run.results, tolerance=(1e-7, 1e-9), checks={})
            whole.append((time.perf_counter() - started) * 1000.0)
            assert judgement.verdict == "passed", judgement
        print(f"8-case submission, judged:         {_median(whole)}")

        if box.slot and box.slot.cgroup:
            members = set(box.slot.cgroup.pids())
            # The zygote is the member whose parent (bwrap) is outside the cgroup.
            zygotes = [p for p in members if _parent(p) not in members]
            for pid in zygotes:
                print(f"zygote RSS:                        {_rss_kb(pid) / 1024:8.0f} MiB")
        if peaks:
            print(f"job's own cgroup peak (median):    {statistics.median(peaks) / 2**20:8.1f} MiB")
        print(
            f"job child max RSS (median):        {statistics.median(child_rss) / 1024:8.0f} MiB"
            "  (mostly pages shared with the zygote)"
        )
        print(f"load average during the run:       {os.getloadavg()[0]:8.2f}")
    finally:
        box.close()


if __name__ == "__main__":
    main()
