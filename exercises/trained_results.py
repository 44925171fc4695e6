"""What a learner may see of a trained-model case: numbers checked here, a curve drawn here.

The grader stores, for a visible case only, {"unit", "threshold", "score", "heldout":
[{"text", "loss"}], "curve"?: [[step, loss], ...]}. Pages and the API pass on exactly
these keys with plain types (anything else is dropped), and the loss curve is drawn as a
small SVG from the numbers alone, so no text from the submission can reach the markup.
"""

from __future__ import annotations

import math

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

MAX_POINTS = 200
WIDTH, HEIGHT, PAD = 320, 140, 28


def _number(value) -> float | None:
    if type(value) in (int, float) and math.isfinite(value):
        return float(value)
    return None


def public_model(value) -> dict | None:
    """The checked numbers of one visible case's trained-model result, or None."""
    if type(value) is not dict:
        return None
    threshold, score = _number(value.get("threshold")), _number(value.get("score"))
    heldout = value.get("heldout")
    if threshold is None or score is None or type(heldout) is not list:
        return None
    texts = []
    for item in heldout[:20]:
        if type(item) is dict and type(item.get("text")) is str:
            loss = _number(item.get("loss"))
            if loss is not None:
                texts.append({"text": item["text"][:80], "loss": round(loss, 2)})
    model = {
        "unit": str(value.get("unit", ""))[:40],
        "threshold": threshold,
        "score": round(score, 2),
        "heldout": texts,
    }
    cpu, cpu_limit = _number(value.get("cpu_seconds")), _number(value.get("cpu_limit"))
    if cpu is not None and cpu_limit is not None:
        model["cpu_seconds"], model["cpu_limit"] = round(cpu, 1), cpu_limit
    curve = value.get("curve")
    if type(curve) is list:
        points = [
            [int(p[0]), _number(p[1])]
            for p in curve[:MAX_POINTS]
            if type(p) is list and len(p) == 2 and type(p[0]) is int and _number(p[1]) is not None
        ]
        if points:
            model["curve"] = points
    return model


def curve_svg(model: dict) -> SafeString:
    """The training-loss curve with the threshold as a dashed line; "" without a curve."""
    points = model.get("curve") or []
    if len(points) < 2:
        return mark_safe("")
    steps = [p[0] for p in points]
    losses = [p[1] for p in points] + [model["threshold"]]
    low, high = min(losses), max(losses)
    span = (high - low) or 1.0
    first, last = steps[0], steps[-1]

    def x(step: float) -> float:
        return round(PAD + (step - first) / ((last - first) or 1) * (WIDTH - 2 * PAD), 1)

    def y(loss: float) -> float:
        return round(HEIGHT - PAD - (loss - low) / span * (HEIGHT - 2 * PAD), 1)

    line = " ".join(f"{x(s)},{y(v)}" for s, v in points)
    threshold_y = y(model["threshold"])
    labels = format_html_join(
        "",
        '<text x="{}" y="{}" class="loss-curve__label">{}</text>',
        [
            (2, y(high) + 4, f"{high:.2f}"),
            (2, y(low) + 4, f"{low:.2f}"),
            (PAD, HEIGHT - 6, f"step {first}"),
            (WIDTH - PAD - 60, HEIGHT - 6, f"step {last}"),
        ],
    )
    return format_html(
        '<svg class="loss-curve" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" '
        'aria-label="Training loss from {a} to {b} over {n} steps; threshold {t}">'
        '<line class="loss-curve__threshold" x1="{p}" x2="{r}" y1="{ty}" y2="{ty}"/>'
        '<polyline class="loss-curve__line" fill="none" points="{line}"/>{labels}</svg>',
        w=WIDTH,
        h=HEIGHT,
        a=f"{points[0][1]:.2f}",
        b=f"{points[-1][1]:.2f}",
        n=last,
        t=f"{model['threshold']:.2f}",
        p=PAD,
        r=WIDTH - PAD,
        ty=threshold_y,
        line=line,
        labels=labels,
    )
