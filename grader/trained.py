"""The trained-model check: the learner's code trains, a trusted scorer grades the weights.

An exercise with a `[trained_model]` table (docs/authoring.md) returns named tensors
instead of a prediction. Each case runs in a sandbox job of its own (each training run
gets the exercise's whole CPU budget); what comes back is checked here for exactly the
scorer's names, shapes and dtypes and for finiteness, and then the scorer, platform code
in grader/scorers/, computes the loss on held-out texts that never enter the sandbox.
The learner's code never computes the number that grades it.

A hidden case reports only passed or failed (its training input is hidden data); a
visible case also shows the loss on each held-out text and, when the exercise declares a
`losses_key`, the training-loss curve the learner's function returned.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from grader.compare import describe
from grader.judging import CaseResult
from grader.scorers import scorer_module

MAX_CURVE_POINTS = 200
MAX_LOSSES = 1_000_000


@dataclass(frozen=True)
class TrainedCaseResult(CaseResult):
    """A case result with the numbers behind it, for visible cases (see `as_dict`)."""

    model: dict = field(default_factory=dict)
    raw_score: float | None = None  # unrounded, for authors' tools; never stored or shown

    def as_dict(self) -> dict:
        data = super().as_dict()
        if self.visible and self.model:
            data["model"] = self.model
        return data


@dataclass(frozen=True)
class TrainedModelCheck:
    scorer: str
    threshold: float
    heldout: tuple[tuple[str, str], ...]  # (file name, text), trusted side only
    losses_key: str | None = None
    seed_index: int | None = None  # the argument validation varies (grader/trained_validation)

    @classmethod
    def from_config(cls, config: dict, texts: dict[str, str]) -> TrainedModelCheck:
        return cls(
            scorer=config["scorer"],
            threshold=float(config["threshold"]),
            heldout=tuple((name, texts[name]) for name in config["heldout"]),
            losses_key=config.get("losses_key"),
            seed_index=config.get("seed_index"),
        )

    def judge(self, name: str, visible: bool, got, *, reveal: bool = False) -> CaseResult:
        """Judge one decoded sandbox result; hidden cases keep only passed or failed."""
        passed, message, model, raw = self._judge(got)
        shown = visible or reveal
        return TrainedCaseResult(
            name,
            visible,
            passed,
            message if shown else "",
            model=model if shown else {},
            raw_score=raw if reveal else None,
        )

    def _judge(self, got) -> tuple[bool, str, dict, float | None]:
        if type(got) is not dict:
            return False, "no result came back for this case", {}, None
        if "error" in got:
            error = got["error"] if type(got["error"]) is dict else {}
            text = error.get("traceback") or error.get("message") or "the code raised"
            return False, str(text)[:4000], {}, None
        if "value" not in got:
            return False, "no result came back for this case", {}, None
        scorer = scorer_module(self.scorer)
        params, losses, problem = self._weights(scorer, got["value"])
        if problem:
            return False, problem, {}, None
        total, count, per_text = 0.0, 0, []
        with np.errstate(all="ignore"):
            for text_name, text in self.heldout:
                loss, n = scorer.nll(params, text)
                total, count = total + loss, count + n
                per_text.append({"text": _label(text_name), "loss": _rounded(loss / n)})
        score = total / count
        if not math.isfinite(score):
            return False, "the weights give a non-finite loss on the held-out texts", {}, None
        passed = score < self.threshold
        model = {
            "unit": scorer.UNIT,
            "threshold": self.threshold,
            "score": _rounded(score),
            "heldout": per_text,
        }
        if losses is not None:
            model["curve"] = _curve(losses)
        return passed, _summary(model, passed), model, score

    def _weights(self, scorer, value) -> tuple[dict, np.ndarray | None, str]:
        """The returned weights as float64 arrays, or a message naming what is wrong."""
        wanted = scorer.PARAMETERS
        if type(value) is not dict:
            wanted_text = f"a dict of {len(wanted)} named tensors"
            return {}, None, f"expected {wanted_text}, got {describe(value)}"
        optional = {self.losses_key} if self.losses_key else set()
        missing = sorted(set(wanted) - set(value))
        extra = sorted(set(value) - set(wanted) - optional)
        if missing or extra:
            parts = []
            if missing:
                parts.append(f"missing {', '.join(missing)}")
            if extra:
                parts.append(f"unexpected {', '.join(repr(k)[:60] for k in extra[:5])}")
            return {}, None, f"the keys differ from the contract's: {'; '.join(parts)}"
        params = {}
        for key, shape in wanted.items():
            array = value[key]
            if not isinstance(array, np.ndarray):
                return {}, None, f"{key}: expected a tensor, got {describe(array)}"
            if array.dtype.name not in scorer.DTYPES:
                allowed = " or ".join(scorer.DTYPES)
                return {}, None, f"{key}: expected dtype {allowed}, got {array.dtype.name}"
            if tuple(array.shape) != tuple(shape):
                return {}, None, f"{key}: expected shape {tuple(shape)}, got {tuple(array.shape)}"
            if not np.isfinite(array).all():
                return {}, None, f"{key}: contains NaN or infinite values"
            params[key] = array.astype(np.float64)
        losses = None
        if self.losses_key and self.losses_key in value:
            losses, problem = _losses(self.losses_key, value[self.losses_key])
            if problem:
                return {}, None, problem
        return params, losses, ""


def _losses(key: str, value) -> tuple[np.ndarray | None, str]:
    """Training losses: a 1-D float tensor or a list of numbers (never scored, only drawn)."""
    if type(value) in (list, tuple):
        if not all(type(v) in (int, float) for v in value):
            return None, f"{key}: expected a list of numbers"
        value = np.asarray(value, dtype=np.float64)
    if not isinstance(value, np.ndarray) or value.ndim != 1 or value.dtype.kind not in "fiu":
        return None, f"{key}: expected a 1-d tensor or a list of numbers, got {describe(value)}"
    if value.size > MAX_LOSSES:
        return None, f"{key}: more than {MAX_LOSSES:,} losses"
    return value.astype(np.float64), ""


def _curve(losses: np.ndarray) -> list[list[float]]:
    """At most MAX_CURVE_POINTS [step, mean loss] pairs: the mean of each run of steps."""
    finite = np.isfinite(losses)
    if not finite.any():
        return []
    points = []
    for chunk in np.array_split(np.arange(losses.size), min(MAX_CURVE_POINTS, losses.size)):
        values = losses[chunk][finite[chunk]]
        if values.size:
            points.append([int(chunk[-1]) + 1, _rounded(float(values.mean()), 4)])
    return points


def _summary(model: dict, passed: bool) -> str:
    lines = [f"Loss on held-out text ({model['unit']}; passes below {model['threshold']:.2f}):"]
    width = max(len(item["text"]) for item in model["heldout"])
    for item in model["heldout"]:
        lines.append(f"  {item['text']:<{width}}  {item['loss']:.2f}")
    verdict = "below" if passed else "not below"
    lines.append(f"  {'all':<{width}}  {model['score']:.2f}  ({verdict} {model['threshold']:.2f})")
    return "\n".join(lines)


def _label(file_name: str) -> str:
    stem = file_name.rsplit(".", 1)[0]
    return stem.removeprefix("heldout_").replace("_", " ")


def _rounded(value: float, digits: int = 2) -> float:
    return round(float(value), digits)
