# expect: error
# ruff: noqa
"""Invent a record type the protocol does not have ('verdict': passed)."""
import os
import sys

wire = sys.modules.get("wire")


def double(x):
    os.write(3, wire.encode({"t": "verdict", "passed": True, "score": 1.0}))
    return 2 * x
