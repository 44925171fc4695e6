"""Admin for exercises (with validation through the real grader) and read-only views of
what learners produced: submissions, progress and drafts."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from exercises import services
from exercises.models import Draft, Exercise, KnownWrongSolution, Progress, Submission
from lessons.admin import markdown_preview

CODE_WIDGET = forms.Textarea(attrs={"class": "code-field", "rows": 16, "spellcheck": "false"})


class KnownWrongSolutionInline(admin.StackedInline):
    model = KnownWrongSolution
    extra = 0
    fields = ("name", "hint", "source")
    formfield_overrides = {models.TextField: {"widget": CODE_WIDGET}}


class ExerciseAdminForm(forms.ModelForm):
    class Meta:
        model = Exercise
        fields = "__all__"  # noqa: DJ007 - the ModelAdmin's fieldsets choose what is shown
        widgets = {
            "starter_code": CODE_WIDGET,
            "reference_solution": CODE_WIDGET,
            "cases_source": forms.Textarea(attrs={"class": "code-field", "rows": 24}),
            "statement": forms.Textarea(attrs={"rows": 16, "class": "vLargeTextField"}),
        }


def _validate(modeladmin: admin.ModelAdmin, request: HttpRequest, exercise: Exercise) -> bool:
    """Run the lead's validator on one exercise and report each row as an admin message."""
    # Imported here: grader.validation imports the sandbox machinery, which only this
    # button needs; the rest of the admin must load without it.
    from grader.validation import exercise_validate

    if exercise.is_long:
        # A training run per case takes minutes: far past any web request's time limit.
        modeladmin.message_user(
            request,
            f"{exercise.slug} trains a model per case (minutes): validate it on a grading host "
            f"with `manage.py validate_exercises {exercise.slug}`.",
            messages.WARNING,
        )
        return False
    report = exercise_validate(exercise=exercise)
    for row in report.rows:
        detail = f" — {row.detail}" if getattr(row, "detail", "") else ""
        expected = getattr(row, "expected", "")
        got = getattr(row, "got", "")
        outcome = f" (expected {expected}, got {got})" if expected or got else ""
        modeladmin.message_user(
            request,
            f"{exercise.slug}: {'✓' if row.ok else '✗'} {row.label}{outcome}{detail}",
            messages.SUCCESS if row.ok else messages.ERROR,
        )
    summary = "is valid" if report.ok else "FAILED validation"
    modeladmin.message_user(
        request, f"{exercise.slug} {summary}.", messages.SUCCESS if report.ok else messages.ERROR
    )
    return report.ok


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    form = ExerciseAdminForm
    change_form_template = "admin/exercises/exercise/change_form.html"
    list_display = (
        "title",
        "slug",
        "kind",
        "stage",
        "lesson",
        "order",
        "is_published",
        "short_hash",
    )
    list_filter = ("kind", "is_published", "stage__course", "stage")
    list_select_related = ("stage", "lesson")
    search_fields = ("title", "slug")
    readonly_fields = ("content_hash", "updated_at", "statement_preview")
    inlines = [KnownWrongSolutionInline]
    actions = ["validate_selected"]
    fieldsets = (
        (None, {"fields": ("stage", "lesson", "slug", "title", "kind", "order", "is_published")}),
        ("Statement", {"fields": ("statement", "statement_preview", "hints", "forbidden")}),
        ("Code", {"fields": ("entry_point", "starter_code", "reference_solution", "cases_source")}),
        (
            "Grading",
            {"fields": ("rtol", "atol", "wall_seconds", "cpu_seconds", "memory_mb")},
        ),
        ("Version", {"fields": ("content_hash", "updated_at")}),
    )

    @admin.display(description="hash")
    def short_hash(self, obj: Exercise) -> str:
        return obj.content_hash[:10]

    @admin.display(description="Statement preview (as saved)")
    def statement_preview(self, obj: Exercise) -> str:
        return markdown_preview(obj.statement)

    def save_related(self, request, form, formsets, change):
        # After the known-wrong inlines are saved: they are part of the hashed content.
        super().save_related(request, form, formsets, change)
        services.exercise_rehash(exercise=form.instance)

    @admin.action(description="Validate selected exercises (reference, starter, wrong solutions)")
    def validate_selected(self, request: HttpRequest, queryset) -> None:
        for exercise in queryset:
            _validate(self, request, exercise)

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/validate/",
                self.admin_site.admin_view(self.validate_view),
                name="exercises_exercise_validate",
            )
        ]
        return urls + super().get_urls()

    def validate_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The "Validate exercise" button on the change page (POST, CSRF-checked)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        exercise = get_object_or_404(Exercise, pk=object_id)
        if not self.has_change_permission(request, exercise):
            return HttpResponse(status=403)
        _validate(self, request, exercise)
        return HttpResponseRedirect(reverse("admin:exercises_exercise_change", args=[exercise.pk]))


class ReadOnlyAdmin(admin.ModelAdmin):
    """What learners produced is evidence: instructors look, nobody edits it here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "learner",
        "exercise",
        "mode",
        "status",
        "verdict",
        "score_percent",
        "created_at",
    )
    list_filter = (
        "verdict",
        "status",
        "mode",
        ("exercise", admin.RelatedOnlyFieldListFilter),
        ("learner", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("learner", "exercise")
    search_fields = ("learner__username", "exercise__slug", "=id")
    date_hierarchy = "created_at"
    fields = (
        "learner",
        "exercise",
        "mode",
        "status",
        "verdict",
        "score",
        "exercise_version",
        "created_at",
        "started_at",
        "graded_at",
        "delivery_count",
        "warning",
        "message",
        "case_results",
        "stdout_block",
        "code",
    )
    readonly_fields = fields

    @admin.display(description="score", ordering="score")
    def score_percent(self, obj: Submission) -> str:
        return "–" if obj.score is None else f"{obj.score:.0%}"

    @admin.display(description="Code")
    def code(self, obj: Submission) -> str:
        return format_html('<pre class="code-field">{}</pre>', obj.source_code)

    @admin.display(description="Output")
    def stdout_block(self, obj: Submission) -> str:
        return format_html('<pre class="code-field">{}</pre>', obj.stdout) if obj.stdout else "—"

    @admin.display(description="Cases")
    def case_results(self, obj: Submission) -> str:
        cases = obj.cases if isinstance(obj.cases, list) else []
        if not cases:
            return "—"
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><pre>{}</pre></td></tr>",
            (
                (
                    "✓" if case.get("passed") else "✗",
                    case.get("name", ""),
                    "visible" if case.get("visible") else "hidden",
                    case.get("message", ""),
                )
                for case in cases
                if isinstance(case, dict)
            ),
        )
        return format_html('<table class="validation-table">{}</table>', rows)


@admin.register(Progress)
class ProgressAdmin(ReadOnlyAdmin):
    list_display = ("learner", "exercise", "attempts", "best_score", "solved_at", "last_attempt_at")
    list_filter = (
        ("exercise", admin.RelatedOnlyFieldListFilter),
        ("solved_at", admin.EmptyFieldListFilter),
    )
    list_select_related = ("learner", "exercise")
    search_fields = ("learner__username", "exercise__slug")


@admin.register(Draft)
class DraftAdmin(ReadOnlyAdmin):
    list_display = ("learner", "exercise", "updated_at")
    list_filter = (("exercise", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("learner", "exercise")
    search_fields = ("learner__username", "exercise__slug")
    fields = ("learner", "exercise", "updated_at", "code")
    readonly_fields = fields

    @admin.display(description="Code")
    def code(self, obj: Draft) -> str:
        return format_html('<pre class="code-field">{}</pre>', obj.source_code)
