"""Template helpers for exercise pages: verdict wording, markers and the activity chart."""

from __future__ import annotations

from django import template

from exercises.case_diff import case_diff_context
from exercises.models import Submission

register = template.Library()

V = Submission.Verdict
HEADLINES = {
    V.PASSED: "All tests passed",
    V.FAILED: "Some tests failed",
    V.ERROR: "Your code raised an error",
    V.TIMEOUT: "Time limit exceeded",
    V.MEMORY_LIMIT: "Memory limit exceeded",
    V.OUTPUT_LIMIT: "Too much output",
}


def verdict_headline(*, status: str, verdict: str, mode: str) -> str:
    """One line saying what happened, shared by the pages and the JSON status."""
    if status != Submission.Status.DONE:
        return "Waiting for the grader…" if status == Submission.Status.QUEUED else "Grading…"
    if verdict == V.PASSED and mode == Submission.Mode.RUN:
        return "Visible tests passed — submit to run the hidden tests too"
    return HEADLINES.get(verdict, "Graded")


@register.simple_tag
def loss_curve(model: dict):
    """A trained-model case's training-loss curve, drawn from its numbers (SVG)."""
    from exercises.trained_results import curve_svg

    return curve_svg(model)


@register.simple_tag
def headline(submission: Submission) -> str:
    return verdict_headline(
        status=submission.status, verdict=submission.verdict, mode=submission.mode
    )


@register.filter
def verdict_class(submission: Submission) -> str:
    if submission.status != Submission.Status.DONE:
        return "pending"
    return "passed" if submission.verdict == V.PASSED else "failed"


CHART_WIDTH = 700
CHART_HEIGHT = 140
CHART_TOP = 12
CHART_BOTTOM = 22


@register.inclusion_tag("exercises/includes/activity_chart.html")
def activity_chart(activity: list) -> dict:
    """An SVG bar chart of submissions per day (passing ones darker), drawn on the server."""
    days = len(activity)
    peak = max((day.submissions for day in activity), default=0)
    plot = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    slot = CHART_WIDTH / days if days else CHART_WIDTH
    bars = []
    for index, day in enumerate(activity):
        height = plot * day.submissions / peak if peak else 0
        passed = plot * day.passed / peak if peak else 0
        x = index * slot + 1
        bars.append(
            {
                "day": day,
                "x": f"{x:.1f}",
                "width": f"{max(slot - 2, 1):.1f}",
                "y": f"{CHART_TOP + plot - height:.1f}",
                "height": f"{height:.1f}",
                "passed_y": f"{CHART_TOP + plot - passed:.1f}",
                "passed_height": f"{passed:.1f}",
                "label_x": f"{x + slot - 2 if index == days - 1 else x + (slot - 2) / 2:.1f}",
                # A date label under every seventh bar, starting from the most recent day;
                # the last one is right-aligned so that it stays inside the chart.
                "labelled": (days - 1 - index) % 7 == 0,
                "anchor": "end" if index == days - 1 else "middle",
            }
        )
    total = sum(day.submissions for day in activity)
    busiest = max(activity, key=lambda day: day.submissions, default=None)
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "baseline": CHART_TOP + plot,
        "peak": peak,
        "total": total,
        "passed_total": sum(day.passed for day in activity),
        "busiest": busiest if busiest and busiest.submissions else None,
        "days": days,
    }


@register.filter
def passed_count(cases: list[dict]) -> int:
    return sum(1 for case in cases if case.get("passed"))


@register.inclusion_tag("exercises/includes/case_diff.html")
def case_diff(diff: object) -> dict:
    """Draw what differs in a failing visible case (nothing when there is no sound diff)."""
    return {"d": case_diff_context(diff)}
