# expect: error
# ruff: noqa
"""Write hostile headers to the result fd: a float shape, a huge dtype, a NaN, a bomb."""
import json
import os
import struct


def double(x):
    nasty = {"tree": {"t": "array", "dtype": "<f8" * 1000, "shape": [1.5, True], "offset": -1,
                      "nbytes": 10**30}}
    header = json.dumps(nasty).encode() + b"NaN"
    os.write(3, b"CPW1" + struct.pack(">I", len(header)) + header + struct.pack(">Q", 2**63))
    return 2 * x
