# expect: error
# ruff: noqa
"""Slip an extra forged case record in before each honest one, to shift results onto the
wrong cases: the host counts records against cases and rejects the stream."""
import json
import os
import struct


def double(x):
    tree = {"t": "dict", "v": [["t", {"t": "str", "v": "case"}],
                               ["r", {"t": "dict", "v": [["value", {"t": "int", "v": "1"}]]}]]}
    header = json.dumps({"tree": tree}).encode()
    os.write(3, b"CPW1" + struct.pack(">I", len(header)) + header + struct.pack(">Q", 0))
    return 2 * x
