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
from grader.admin import validation_block
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
        help_texts = {
            "cases_source": "cases.py: builds the cases. Like the reference and the known-wrong "
            "solutions, it runs only in the grading sandbox (an author job), never here.",
        }


def _queue_validation(modeladmin, request: HttpRequest, exercise: Exercise) -> None:
    """Queue "Validate exercise" for a grading worker; the change page shows its report.

    The exercise's code (cases.py, reference, wrong solutions) never runs in this web
    process: a worker runs it in the sandbox and stores the report.
    """
    from grader.validation_queue import exercise_validation_request

    exercise_validation_request(exercise=exercise, requested_by=request.user)
    if exercise.is_long:
        # Every case is a training run: the report takes many minutes, not seconds.
        modeladmin.message_user(
            request,
            f"{exercise.slug} trains a model per case: its validation runs on a grading-long "
            "worker and takes many minutes.",
            messages.WARNING,
        )
    modeladmin.message_user(
        request,
        f"{exercise.slug}: validation queued; its report appears on the exercise's page "
        "when a grading worker has run it.",
        messages.INFO,
    )


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
    list_select_related = ("stage__course", "lesson")  # a stage's name includes its course
    search_fields = ("title", "slug")
    readonly_fields = ("content_hash", "updated_at", "statement_preview", "validation")
    inlines = [KnownWrongSolutionInline]
    actions = ["validate_selected"]
    fieldsets = (
        (None, {"fields": ("stage", "lesson", "slug", "title", "kind", "order", "is_published")}),
        ("Validation", {"fields": ("validation",)}),
        ("Statement", {"fields": ("statement", "statement_preview", "hints", "forbidden")}),
        ("Code", {"fields": ("entry_point", "starter_code", "reference_solution", "cases_source")}),
        (
            "Grading",
            {
                "fields": (
                    "rtol",
                    "atol",
                    "wall_seconds",
                    "cpu_seconds",
                    "memory_mb",
                    "bool_result",
                    "unchanged_inputs",
                )
            },
        ),
        ("Version", {"fields": ("content_hash", "updated_at")}),
    )

    @admin.display(description="hash")
    def short_hash(self, obj: Exercise) -> str:
        return obj.content_hash[:10]

    @admin.display(description="Statement preview (as saved)")
    def statement_preview(self, obj: Exercise) -> str:
        return markdown_preview(obj.statement)

    @admin.display(description="Latest validation")
    def validation(self, obj: Exercise) -> str:
        from grader.validation_queue import exercise_validation_latest

        if obj.pk is None:
            return "—"
        return validation_block(exercise_validation_latest(exercise=obj), current=obj.content_hash)

    def save_related(self, request, form, formsets, change):
        # After the known-wrong inlines are saved: they are part of the hashed content.
        super().save_related(request, form, formsets, change)
        services.exercise_rehash(exercise=form.instance)

    @admin.action(
        description="Validate selected exercises (reference, starter, wrong solutions)",
        permissions=["change"],
    )
    def validate_selected(self, request: HttpRequest, queryset) -> None:
        for exercise in queryset:
            _queue_validation(self, request, exercise)

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/validate/",
                self.admin_site.admin_view(self.validate_view),
                name="exercises_exercise_validate",
            ),
            path(
                "<path:object_id>/validation/",
                self.admin_site.admin_view(self.validation_view),
                name="exercises_exercise_validation",
            ),
        ]
        return urls + super().get_urls()

    def validate_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The "Validate exercise" button on the change page (POST, CSRF-checked)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        exercise = get_object_or_404(Exercise, pk=object_id)
        if not self.has_change_permission(request, exercise):
            return HttpResponse(status=403)
        _queue_validation(self, request, exercise)
        return HttpResponseRedirect(reverse("admin:exercises_exercise_change", args=[exercise.pk]))

    def validation_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The latest validation as an HTML fragment (the change page polls it while it runs)."""
        exercise = get_object_or_404(Exercise, pk=object_id)
        if not self.has_view_permission(request, exercise):
            return HttpResponse(status=403)
        return HttpResponse(self.validation(exercise))


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
        "matched_mistake",
        "created_at",
    )
    list_filter = (
        "verdict",
        "status",
        "mode",
        "matched_mistake",
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
        "matched_mistake",
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
