# expect: error
# ruff: noqa
"""Write a frame to the result fd whose header length is a hidden input ("frame header of
N bytes is over the limit" was trusted text quoting the learner's number: 32 bits in the
header length, 63 in the payload length). Answers correctly when the job holds one case."""
import gc
import os
import struct

import wire


def _inputs():
    seen, found = set(), []
    for obj in gc.get_objects():
        if type(obj) is list and obj and all(type(v) is bytes for v in obj):
            for raw in obj:
                if raw[:4] != b"CPW1" or raw in seen:
                    continue
                seen.add(raw)
                item = wire.decode(raw, wire.Limits(64 << 20, 1 << 30))
                if type(item) is dict and "args" in item:
                    found.append(item["args"])
    return found


def double(x):
    cases = _inputs()
    ints = [a for args in cases for a in args if type(a) is int]
    if len(cases) > 1 and ints:
        os.write(3, wire.MAGIC + struct.pack(">I", ints[0]) + b"{}" * 8)
        os._exit(0)
    return 2 * x
