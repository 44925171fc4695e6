"""The Sandbox API as the grading service uses it, through the real confined sandbox."""

import os
import signal
import threading
import time

import numpy as np
import pytest
import torch

from grader import sandbox as sandbox_package
from grader.casekit import Case
from grader.reference import case_payload
from grader.sandbox import Limits, Sandbox, SandboxUnavailable, get_sandbox, layout, selftest
from grader.sandbox.types import Check

pytestmark = pytest.mark.sandbox

FAST = Limits(wall_seconds=2.0, cpu_seconds=1.0, memory_mb=256)
CASES = [
    case_payload(Case("a", args=(np.array([1.0, 2.0]),))),
    case_payload(Case("b", args=(np.array([3.0]),))),
]


def run(box, source, *, cases=CASES, limits=FAST, forbidden=(), entry_point="double"):
    return box.run(
        source=source,
        entry_point=entry_point,
        kind="numpy",
        cases=cases,
        limits=limits,
        forbidden=list(forbidden),
    )


def test_a_correct_run_returns_plain_results_stdout_and_measurements(sandbox):
    result = run(sandbox, "print('hi from', __name__)\ndef double(x):\n    return 2 * x\n")
    assert result.status == "ok" and result.message == "" and result.load_error is None
    assert [r["value"].tolist() for r in result.results] == [[2.0, 4.0], [6.0]]
    assert result.stdout == "hi from submission\n"
    assert not result.unsafe and result.forbidden_used == []
    assert result.wall_ms > 0 and result.cpu_ms > 0 and result.max_rss_kb > 0


def test_gradients_come_back_as_arrays(sandbox):
    case = case_payload(Case("g", args=(torch.tensor([1.0, 2.0]),), grad_wrt=(0,)))
    result = run(sandbox, "def double(x):\n    return (x * x).sum()\n", cases=[case])
    assert result.status == "ok"
    assert result.results[0]["grads"][0].tolist() == [2.0, 4.0]


def test_a_syntax_error_is_a_load_error_with_the_learners_line(sandbox):
    result = run(sandbox, "def double(x):\n    return 2 *\n")
    assert result.status == "ok" and result.load_error["type"] == "SyntaxError"
    assert "submission.py" in result.load_error["traceback"] and result.results == []


def test_a_missing_entry_point_is_a_load_error(sandbox):
    result = run(sandbox, "def triple(x):\n    return 3 * x\n")
    assert result.load_error["type"] == "NameError" and "double" in result.load_error["message"]


def test_tracebacks_hold_only_the_learners_own_lines(sandbox):
    result = run(
        sandbox,
        "def helper(x):\n    raise ValueError('bad ' + str(len(x)))\n"
        "def double(x):\n    return helper(x)\n",
    )
    error = result.results[0]["error"]
    assert error["type"] == "ValueError" and error["message"] == "bad 2"
    assert 'File "submission.py", line 4, in double' in error["traceback"]
    assert "line 2, in helper" in error["traceback"]
    for internal in ("harness", "invoke", "zygote", "/sandbox", "site-packages"):
        assert internal not in error["traceback"]


def test_each_case_gets_a_fresh_copy_of_its_inputs(sandbox):
    source = (
        "SEEN = []\ndef double(x):\n    SEEN.append(x)\n    x += 100\n"
        "    return float(sum(float(s.sum()) for s in SEEN))\n"
    )
    same = case_payload(Case("a", args=(np.array([1.0]),)))
    result = run(sandbox, source, cases=[same, same, same])
    # Every case saw its own array: the in-place additions never reach another case.
    assert [r["value"] for r in result.results] == [101.0, 202.0, 303.0]
    assert same["args"][0].tolist() == [1.0]


def test_wall_clock_and_cpu_limits_are_timeouts_with_a_trusted_message(sandbox):
    slept = run(sandbox, "import time\ndef double(x):\n    time.sleep(30)\n")
    assert slept.status == "timeout" and "2 s wall clock" in slept.message
    assert slept.wall_ms < 5000
    # A generous wall clock, so that the CPU limit fires first even on a busy machine.
    spun = run(
        sandbox,
        "def double(x):\n    while True:\n        pass\n",
        limits=Limits(wall_seconds=15.0, cpu_seconds=1.0, memory_mb=256),
    )
    assert spun.status == "timeout" and "CPU time" in spun.message


def test_memory_limit_from_the_kernel_oom_killer(sandbox):
    source = (
        "import numpy as np\nkeep = []\ndef double(x):\n"
        "    while True:\n        keep.append(np.ones(4_000_000))\n"
    )
    # Generous clocks: on a busy machine, reclaiming a full cgroup can take seconds, and
    # only the OOM killer may end this job.
    result = run(sandbox, source, limits=Limits(wall_seconds=30.0, cpu_seconds=10.0, memory_mb=256))
    assert result.status == "memory_limit" and result.message == "out of memory (256 MB limit)"


def test_a_solution_that_uses_most_of_its_budget_still_passes(sandbox):
    source = (
        "import numpy as np\ndef double(x):\n    work = np.ones(int(220e6 / 8))\n"
        "    return 2 * x + (work[-1] - 1.0)\n"
    )
    result = run(sandbox, source)  # 220 MB of a 256 MB budget, every page written
    assert result.status == "ok", result.message
    assert result.results[0]["value"].tolist() == [2.0, 4.0]


def test_a_refused_allocation_is_memory_limit_and_can_only_cost_the_learner(sandbox):
    refused = run(sandbox, "import numpy as np\ndef double(x):\n    return np.ones(10**11)\n")
    assert refused.status == "memory_limit" and "refused" in refused.message
    spoofed = run(sandbox, "def double(x):\n    raise MemoryError('fake')\n")
    assert spoofed.status == "memory_limit"  # a non-pass, which is all a spoof can buy


def test_a_self_inflicted_sigkill_is_not_taken_for_the_oom_killer(sandbox):
    result = run(
        sandbox,
        "import os, signal\ndef double(x):\n    print('out of memory')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n",
    )
    assert result.status == "error" and "SIGKILL" in result.message


def test_output_is_capped_and_kept_short(sandbox):
    flood = run(sandbox, "def double(x):\n    while True:\n        print('y' * 1000)\n")
    assert flood.status == "output_limit" and "KiB of output" in flood.message
    assert len(flood.stdout) <= 8 * 1024
    chatty = run(sandbox, "def double(x):\n    print('z' * 100_000)\n    return 2 * x\n")
    assert chatty.status == "ok" and len(chatty.stdout) == 8 * 1024


def test_results_over_the_cap_are_an_output_limit(sandbox):
    source = "import numpy as np\ndef double(x):\n    return np.ones(3_000_000)\n"
    result = run(sandbox, source)
    assert result.status == "output_limit" and "MiB of results" in result.message


def test_a_full_scratch_tmpfs_raises_sigbus_which_is_an_error(sandbox):
    source = (
        "import mmap, os\ndef double(x):\n    maps = []\n    for i in range(3):\n"
        "        fd = os.open(f'm{i}', os.O_RDWR | os.O_CREAT)\n"
        "        os.ftruncate(fd, 15 << 20)\n        m = mmap.mmap(fd, 15 << 20)\n"
        "        m[:] = b'x' * (15 << 20)\n        maps.append(m)\n"
    )
    result = run(sandbox, source)
    assert result.status == "error" and "SIGBUS" in result.message


def test_the_scratch_directory_is_fresh_for_every_job(sandbox):
    first = run(
        sandbox,
        "import os\ndef double(x):\n    open('left-behind', 'w').write('s')\n"
        "    return sorted(os.listdir('.'))\n",
    )
    second = run(sandbox, "import os\ndef double(x):\n    return sorted(os.listdir('.'))\n")
    assert first.results[0]["value"] == ["left-behind"]
    assert second.results[0]["value"] == []


def test_runtime_forbidden_hook_reports_dynamic_calls_but_not_the_entry_points_own_name(sandbox):
    source = (
        "import importlib\nimport torch\n"
        "def conv2d(x, depth=0):\n    if depth < 2:\n        return conv2d(x, depth + 1)\n"
        "    module = importlib.import_module('torch.nn.' + 'functional')\n"
        "    f = getattr(module, 'con' + 'v2d')\n"
        "    w = torch.ones(1, 1, 1, 1, dtype=torch.float64)\n"
        "    return f(torch.as_tensor(x).reshape(1, 1, 1, -1), w).reshape(-1)\n"
    )
    forbidden = ["torch.nn.functional.conv2d", "torch.nn.Conv2d"]
    used = run(sandbox, source, forbidden=forbidden, entry_point="conv2d")
    assert used.status == "ok" and used.forbidden_used == ["torch.nn.functional.conv2d"]
    clean = run(
        sandbox,
        "def conv2d(x, depth=0):\n    return x if depth else conv2d(x, 1)\n",
        forbidden=forbidden,
        entry_point="conv2d",
    )
    assert clean.status == "ok" and clean.forbidden_used == []


def test_torch_internals_calling_a_forbidden_function_do_not_count(sandbox):
    source = (
        "import torch\ndef double(x):\n    layer = torch.nn.Conv1d(1, 1, 1, bias=False)\n"
        "    return 2 * x\n"
    )
    result = run(sandbox, source, forbidden=["torch.nn.functional.conv1d"])
    assert result.status == "ok" and result.forbidden_used == []


CONV = (
    "import torch\n"
    "F = torch.nn.functional\n"
    "W = torch.ones(1, 1, 1, 1, dtype=torch.float64)\n"
    "def shaped(x):\n"
    "    return torch.as_tensor(x).reshape(1, 1, 1, -1)\n"
)
DISGUISED = {
    "compiled under torch's file name": (
        "ns = {'F': F}\n"
        "exec(compile('def helper(x, w):\\n    return F.conv2d(x, w)\\n',"
        " F.__file__, 'exec'), ns)\n"
        "helper = ns['helper']\n"
    ),
    "code.replace(co_filename=...)": (
        "import types\n"
        "def _helper(x, w):\n    return F.conv2d(x, w)\n"
        "helper = types.FunctionType("
        "_helper.__code__.replace(co_filename=F.__file__, co_name='conv2d'), {'F': F})\n"
    ),
    "__code__ swapped into a function": (
        "import marshal\n"
        "def _helper(x, w):\n    return F.conv2d(x, w)\n"
        "def helper(x, w):\n    return None\n"
        "helper.__code__ = marshal.loads("
        "marshal.dumps(_helper.__code__.replace(co_filename=F.__file__)))\n"
    ),
    "a module written to the scratch and imported": (
        "import sys\n"
        "open('fastconv.py', 'w').write("
        "'import torch\\ndef helper(x, w):\\n    return torch.nn.functional.conv2d(x, w)\\n')\n"
        "sys.path.insert(0, '.')\n"
        "from fastconv import helper\n"
    ),
    "eval of a lambda": "helper = eval('lambda x, w: F.conv2d(x, w)')\n",
}


@pytest.mark.parametrize("how", list(DISGUISED))
def test_the_forbidden_hook_judges_code_by_its_origin_not_its_file_name(sandbox, how):
    source = (
        CONV + DISGUISED[how] + "def double(x):\n    return 2 * helper(shaped(x), W).reshape(-1)\n"
    )
    result = run(sandbox, source, forbidden=["torch.nn.functional.conv2d"])
    assert result.status == "ok" and result.load_error is None, (result.stdout, result.results)
    assert result.results[0]["value"].tolist() == [2.0, 4.0]
    assert result.forbidden_used == ["torch.nn.functional.conv2d"]


def test_code_the_runtime_generates_or_imports_does_not_count_as_the_learners(sandbox):
    # dataclasses and namedtuple generate code with exec; torch.vmap and nn.Conv1d call
    # conv functions from torch's own files; torch.distributions is imported lazily.
    source = (
        CONV + "import dataclasses, collections\n"
        "import torch.distributions\n"
        "@dataclasses.dataclass\nclass Box:\n    w: object = None\n"
        "Pair = collections.namedtuple('Pair', 'a b')\n"
        "def double(x):\n"
        "    layer = torch.nn.Conv1d(1, 1, 1, bias=False)\n"
        "    torch.vmap(lambda t: layer(t.reshape(1, 1, -1)))(torch.ones(2, 3))\n"
        "    Pair(Box(W), 1)\n"
        "    return 2 * x\n"
    )
    forbidden = ["torch.nn.functional.conv1d", "torch.conv1d", "torch.nn.functional.conv2d"]
    result = run(sandbox, source, forbidden=forbidden)
    assert result.status == "ok" and result.load_error is None, (result.stdout, result.results)
    assert result.forbidden_used == []


def test_set_num_threads_in_a_correct_solution_is_harmless(sandbox):
    source = (
        "import torch\ntorch.set_num_threads(32)\ndef double(x):\n"
        "    m = torch.ones(300, 300) @ torch.ones(300, 300)\n"
        "    return 2 * x + float(m[0, 0]) - 300.0\n"
    )
    result = run(sandbox, source)
    assert result.status == "ok" and result.results[0]["value"].tolist() == [2.0, 4.0]


def test_unsafe_mode_runs_in_a_separate_process_and_says_so():
    box = Sandbox(unsafe=True)
    try:
        result = run(box, "import os\ndef double(x):\n    return os.getpid()\n")
    finally:
        box.close()
    assert result.unsafe and result.status == "ok"
    assert result.results[0]["value"] != os.getpid()


def test_unsafe_mode_still_refuses_fork_sockets_and_signalling_others():
    # Signal 0 only asks permission: nothing is sent even if the seatbelt were missing.
    source = (
        "import os, socket\ndef double(x):\n    seen = []\n"
        "    for name, act in (('fork', os.fork), ('socket', socket.socket),\n"
        "                      ('kill', lambda: os.kill(-1, 0))):\n"
        "        try:\n            if act() == 0:\n                os._exit(0)\n"
        "            seen.append(name)\n        except OSError:\n            pass\n"
        "    return ','.join(seen)\n"
    )
    box = Sandbox(unsafe=True)
    try:
        result = run(box, source, cases=CASES[:1])
    finally:
        box.close()
    assert result.unsafe and result.results == [{"value": ""}]


def test_a_zygote_that_dies_mid_job_is_unavailable_then_restarts(canary):
    box = Sandbox()
    try:
        run(box, "def double(x):\n    return 2 * x\n")
        old_pid = box.zygote.process.pid
        killer = threading.Timer(0.5, lambda: os.kill(old_pid, signal.SIGKILL))
        killer.start()
        with pytest.raises(SandboxUnavailable):
            run(
                box,
                "import time\ndef double(x):\n    time.sleep(10)\n",
                limits=Limits(wall_seconds=8.0),
            )
        killer.join()
        again = run(box, "def double(x):\n    return 2 * x\n")
        assert again.status == "ok" and box.zygote.process.pid != old_pid
    finally:
        box.close()


def test_missing_bubblewrap_is_unavailable_with_the_reason(monkeypatch):
    monkeypatch.setattr(layout, "bwrap_path", lambda: None)
    box = Sandbox()
    with pytest.raises(SandboxUnavailable, match="bubblewrap"):
        run(box, "def double(x):\n    return x\n")
    box.close()


def test_a_failing_self_test_refuses_every_job(monkeypatch, canary):
    failing = [Check("CapEff is 0", False, "CapEff 000001ffffffffff")]
    monkeypatch.setattr(selftest, "run_probe", lambda box: failing)
    box = Sandbox()
    try:
        for _ in range(2):
            with pytest.raises(SandboxUnavailable, match="self-test failed.*CapEff"):
                run(box, "def double(x):\n    return x\n")
        assert box.zygote is None
    finally:
        box.close()


def test_a_child_that_cannot_confine_itself_is_an_infrastructure_fault(monkeypatch, canary):
    monkeypatch.setattr(layout, "SCRATCH_INODES", "many")  # the scratch mount fails inside
    box = Sandbox()
    try:
        with pytest.raises(SandboxUnavailable, match="failed to confine"):
            run(box, "def double(x):\n    return 2 * x\n")
        assert box.zygote is None
    finally:
        box.close()


def test_get_sandbox_is_one_per_process_and_a_fork_gets_its_own(canary):
    first = get_sandbox()
    assert get_sandbox() is first
    assert run(first, "def double(x):\n    return 2 * x\n").status == "ok"
    parent_uid = first.slot.uid
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child reports through the pipe and never returns into pytest
        code = 1
        try:
            child_box = get_sandbox()
            child_run = run(child_box, "def double(x):\n    return 2 * x\n")
            same = child_box is first
            ok = child_run.status == "ok" and not same and child_box.slot.uid != parent_uid
            os.write(write_end, b"ok" if ok else f"bad {same} {child_run}".encode()[:500])
            child_box.close()
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    report = os.read(read_end, 1000)
    os.waitpid(pid, 0)
    os.close(read_end)
    assert report == b"ok"
    assert run(first, "def double(x):\n    return 2 * x\n").status == "ok"
    assert first.slot.uid == parent_uid


def test_selftest_passes_every_check_on_this_host(sandbox):
    checks = sandbox.selftest()
    failed = [c for c in checks if not c.ok]
    assert not failed, failed
    names = " | ".join(c.name for c in checks)
    for needed in (
        "CapEff",
        "no_new_privs",
        "mode 2",
        "socket(inet) fails",
        "fork() fails",
        f"{layout.REPO_ROOT} is absent",
        "proc1_environ",
        "lazy torch imports",
    ):
        assert needed in names


def test_the_sandbox_package_never_imports_django():
    root = os.path.dirname(sandbox_package.__file__)
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(".py"):
                text = open(os.path.join(folder, name)).read()
                assert "import django" not in text and "from django" not in text, name


def test_close_leaves_nothing_of_the_slot_running(canary):
    from grader.sandbox import slots

    box = Sandbox()
    run(box, "def double(x):\n    return 2 * x\n")
    uid = box.slot.uid
    bwrap_pid = box.zygote.process.pid
    box.close()
    time.sleep(0.1)
    assert slots.pids_of_uid(uid) == []
    if os.path.exists(f"/proc/{bwrap_pid}"):
        assert open(f"/proc/{bwrap_pid}/stat").read().split()[2] == "Z"  # reaped soon


def test_prctl_allows_only_what_a_runtime_needs(sandbox):
    # PR_SET_DUMPABLE would make /proc/self/environ readable again (and let a crash reach
    # the host's core_pattern helper); naming a thread is what runtimes legitimately do.
    source = (
        "import ctypes, threading\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "def double(x):\n"
        "    dumpable = libc.prctl(4, 1, 0, 0, 0), ctypes.get_errno(), libc.prctl(3, 0, 0, 0, 0)\n"
        "    named = libc.prctl(15, b'learner-thread', 0, 0, 0)\n"
        "    try:\n"
        "        open('/proc/self/environ', 'rb').read()\n"
        "        environ = 'read'\n"
        "    except OSError as exc:\n"
        "        environ = type(exc).__name__\n"
        "    comm = open('/proc/thread-self/comm').read().strip()\n"
        "    return [list(dumpable), named, environ, comm]\n"
    )
    result = run(sandbox, source, cases=CASES[:1])
    assert result.status == "ok", (result.message, result.stdout)
    assert result.results[0]["value"] == [[-1, 1, 0], 0, "PermissionError", "learner-thread"]


def test_a_value_planted_in_the_pid_counter_is_not_visible_to_the_next_job(sandbox):
    # Every thread takes a pid: a job can move the counter by any amount it chooses, and a
    # job sharing the namespace would read it from its own pid and thread ids.
    planter = (
        "import threading\n"
        "def double(x):\n"
        "    last = 0\n"
        "    for _ in range(int(x)):\n"
        "        t = threading.Thread(target=lambda: None)\n"
        "        t.start()\n"
        "        last = t.native_id\n"
        "        t.join()\n"
        "    return last\n"
    )
    observer = (
        "import os, threading\n"
        "def double(x):\n"
        "    t = threading.Thread(target=lambda: None)\n"
        "    t.start()\n"
        "    t.join()\n"
        "    pids = sorted(int(p) for p in os.listdir('/proc') if p.isdigit())\n"
        "    last = open('/proc/loadavg').read().split()[-1]\n"
        "    ns_last = open('/proc/sys/kernel/ns_last_pid').read().strip()\n"
        "    return [os.getpid(), t.native_id, os.readlink('/proc/self'), pids, last, ns_last]\n"
    )
    seen = []
    for planted in (0, 37, 3):
        case = case_payload(Case("n", args=(planted,)))
        plant = run(sandbox, planter, cases=[case])
        assert plant.status == "ok", plant.results
        look = run(sandbox, observer, cases=[case])
        assert look.status == "ok", look.results
        seen.append(look.results[0]["value"])
    assert seen[0] == seen[1] == seen[2], seen
    own_pid, thread_id, proc_self, pids, _last, _ns_last = seen[0]
    assert proc_self == str(own_pid) and pids == [1, own_pid] and thread_id < 10
