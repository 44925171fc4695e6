# expect: failed
# ruff: noqa
"""Write a complete, well-formed result stream itself (every remaining case 'answered' with
0, then the end record) and exit before the harness writes anything honest. The host
accepts the stream's shape, and the trusted comparison still fails every forged value."""
import json
import os
import struct
import sys


def frame(tree):
    header = json.dumps({"tree": tree}).encode()
    return b"CPW1" + struct.pack(">I", len(header)) + header + struct.pack(">Q", 0)


def cases_in_this_job():
    caller = sys._getframe(1)
    while caller is not None:
        if "case_frames" in caller.f_locals:
            return len(caller.f_locals["case_frames"])
        caller = caller.f_back
    return 1


def double(x):
    case = {"t": "dict", "v": [["t", {"t": "str", "v": "case"}],
                               ["r", {"t": "dict", "v": [["value", {"t": "int", "v": "0"}]]}]]}
    end = {"t": "dict", "v": [["t", {"t": "str", "v": "end"}], ["forbidden", {"t": "list", "v": []}]]}
    os.write(3, b"".join([frame(case)] * cases_in_this_job() + [frame(end)]))
    os._exit(0)
