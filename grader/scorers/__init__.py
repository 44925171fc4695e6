"""The platform's trusted scorers for trained-model exercises, by name.

exercise.toml names one (`[trained_model] scorer = "tiny_gpt"`); course folders can never
bring their own, since a scorer runs in the grading worker, outside the sandbox. Each
module defines PARAMETERS (name -> shape), DTYPES (accepted dtype names), UNIT (what the
score measures) and `nll(params, text) -> (summed loss, count)`; lower is better and a
model passes when its pooled mean over the held-out texts is below the threshold.
"""

from __future__ import annotations

import importlib
from types import ModuleType

SCORERS = {"tiny_gpt": "grader.scorers.tiny_gpt"}


def scorer_module(name: str) -> ModuleType:
    if name not in SCORERS:
        raise KeyError(f"no trusted scorer named {name!r}")
    return importlib.import_module(SCORERS[name])
