"""Admin for exercise validations: read-only reports written by grading workers."""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from grader.models import ExerciseValidation

PENDING_TEXT = {
    ExerciseValidation.Status.QUEUED: "Queued: waiting for a grading worker…",
    ExerciseValidation.Status.RUNNING: "Running: the exercise's code is running in the sandbox…",
}


def validation_block(validation: ExerciseValidation | None, *, current: str) -> SafeString:
    """The latest validation of an exercise: its state, then its report (all escaped)."""
    if validation is None:
        return mark_safe(  # noqa: S308 - a constant
            '<div class="validation" data-state="none"><p>Not validated yet: press '
            "<b>Validate exercise</b> above.</p></div>"
        )
    url = reverse("admin:exercises_exercise_validation", args=[validation.exercise_id])
    status = validation.Status
    if validation.status in PENDING_TEXT:
        head = format_html(
            '<p class="validation-status pending" role="status">'
            '<span class="validation-spinner" aria-hidden="true"></span>{}</p>',
            PENDING_TEXT[validation.status],
        )
    elif validation.status == status.FAILED:
        head = format_html(
            '<p class="validation-status bad">Could not run: {}</p>', validation.error
        )
    else:
        summary = "Valid" if validation.ok else "FAILED validation"
        head = format_html(
            '<p class="validation-status {}">{} ({})</p>',
            "good" if validation.ok else "bad",
            summary,
            _when(validation),
        )
    stale = ""
    if validation.exercise_version and validation.exercise_version != current:
        stale = mark_safe(  # noqa: S308 - a constant
            '<p class="validation-stale">This is the report of an earlier version of the '
            "exercise: validate again after saving.</p>"
        )
    return format_html(
        '<div class="validation" data-state="{}" data-url="{}" aria-live="polite">{}{}{}{}</div>',
        validation.status,
        url,
        head,
        stale,
        _rows(validation.report),
        _output(validation.report),
    )


def _when(validation: ExerciseValidation) -> str:
    if validation.finished_at is None:
        return ""
    seconds = ""
    if validation.started_at is not None:
        seconds = f", {(validation.finished_at - validation.started_at).total_seconds():.1f} s"
    return f"{validation.finished_at:%Y-%m-%d %H:%M:%S}{seconds}"


def _rows(report) -> SafeString | str:
    rows = report.get("rows") if isinstance(report, dict) else None
    if not isinstance(rows, list) or not rows:
        return ""
    body = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><pre>{}</pre></td></tr>",
        (
            (
                "✓" if row.get("ok") else "✗",
                row.get("label", ""),
                row.get("expected", ""),
                row.get("got", ""),
                row.get("detail", ""),
            )
            for row in rows
            if isinstance(row, dict)
        ),
    )
    counts = ""
    if report.get("visible_cases") or report.get("hidden_cases"):
        counts = format_html(
            "<caption>{} visible and {} hidden cases</caption>",
            report.get("visible_cases", 0),
            report.get("hidden_cases", 0),
        )
    return format_html(
        '<table class="validation-table">{}<tr><th></th><th>solution</th><th>expected</th>'
        "<th>got</th><th>detail</th></tr>{}</table>",
        counts,
        body,
    )


def _output(report) -> SafeString | str:
    text = report.get("output") if isinstance(report, dict) else ""
    if not text:
        return ""
    return format_html('<p>cases.py printed:</p><pre class="code-field">{}</pre>', text)


@admin.register(ExerciseValidation)
class ExerciseValidationAdmin(admin.ModelAdmin):
    """Reports are written by grading workers; nobody edits them here."""

    list_display = ("id", "exercise", "status", "ok", "requested_by", "created_at")
    list_filter = ("status", "ok", ("exercise", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("exercise", "requested_by")
    search_fields = ("exercise__slug", "=id")
    fields = (
        "exercise",
        "exercise_version",
        "requested_by",
        "status",
        "ok",
        "created_at",
        "started_at",
        "finished_at",
        "error",
        "report_block",
    )
    readonly_fields = fields

    @admin.display(description="Report")
    def report_block(self, obj: ExerciseValidation) -> SafeString | str:
        return format_html("{}{}", _rows(obj.report), _output(obj.report)) or "—"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False
