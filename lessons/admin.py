"""Admin for courses, stages and lessons, with a rendered Markdown preview of lessons."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from lessons.forms import LessonFigureForm
from lessons.markdown import render_markdown
from lessons.models import Course, Lesson, LessonCompletion, LessonFigure, LessonRun, Stage

PREVIEW_MAX_CHARS = 500_000


class StageInline(admin.TabularInline):
    model = Stage
    fields = ("order", "slug", "title", "summary")
    extra = 0
    show_change_link = True


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "is_published", "updated_at")
    list_filter = ("is_published",)
    search_fields = ("title", "slug")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [StageInline]


class LessonInline(admin.TabularInline):
    model = Lesson
    fields = ("order", "slug", "title", "is_published")
    extra = 0
    show_change_link = True


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ("title", "course", "order", "slug")
    list_filter = ("course",)
    list_select_related = ("course",)
    search_fields = ("title", "slug")
    ordering = ("course", "order")
    inlines = [LessonInline]


def markdown_preview(text: str) -> str:
    """Rendered, sanitised Markdown in a box styled like the lesson page (admin only)."""
    if not text:
        return "—"
    # render_markdown's output is sanitised by nh3, so marking it safe is sound.
    return format_html('<div class="md-preview prose">{}</div>', mark_safe(render_markdown(text)))


class LessonFigureInline(admin.TabularInline):
    """Replace or add a lesson's figures; the lesson links them as ![alt](figures/NAME)."""

    model = LessonFigure
    form = LessonFigureForm
    fields = ("name", "upload", "thumbnail", "size", "updated_at")
    readonly_fields = ("thumbnail", "size", "updated_at")
    extra = 0

    @admin.display(description="Figure")
    def thumbnail(self, obj: LessonFigure) -> str:
        if obj.pk is None:
            return "—"
        url = reverse(
            "lessons:lesson_figure", args=[obj.lesson.course.slug, obj.lesson.slug, obj.name]
        )
        return format_html('<img src="{}" alt="{}" class="figure-thumbnail">', url, obj.name)

    @admin.display(description="Size")
    def size(self, obj: LessonFigure) -> str:
        if obj.pk is None:
            return "—"
        return f"{obj.width}×{obj.height}, {len(obj.content) // 1024 + 1} KiB"


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ("title", "course", "stage", "order", "is_published", "updated_at")
    list_filter = ("course", "stage", "is_published")
    list_select_related = ("course", "stage__course")  # a stage's name includes its course
    list_editable = ("order", "is_published")
    search_fields = ("title", "slug", "body")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ("preview", "updated_at")
    inlines = [LessonFigureInline]
    fieldsets = (
        (None, {"fields": ("course", "stage", "slug", "title", "order", "is_published")}),
        ("Body", {"fields": ("body", "preview", "updated_at")}),
    )

    @admin.display(description="Preview (as saved)")
    def preview(self, obj: Lesson) -> str:
        return markdown_preview(obj.body)

    def get_urls(self):
        urls = [
            path(
                "preview/",
                self.admin_site.admin_view(self.preview_view),
                name="lessons_lesson_preview",
            )
        ]
        return urls + super().get_urls()

    def preview_view(self, request: HttpRequest) -> HttpResponse:
        """Render the body being edited, before saving (the change form's Preview button)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        text = request.POST.get("text", "")[:PREVIEW_MAX_CHARS]
        return JsonResponse({"html": render_markdown(text)})


@admin.register(LessonCompletion)
class LessonCompletionAdmin(admin.ModelAdmin):
    list_display = ("learner", "lesson", "completed_at")
    list_filter = ("lesson__course",)
    list_select_related = ("learner", "lesson")
    search_fields = ("learner__username", "lesson__title")
    readonly_fields = ("learner", "lesson", "completed_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LessonRun)
class LessonRunAdmin(admin.ModelAdmin):
    """Learners' runs of lesson code, read-only: to answer "my block does not run"."""

    list_display = ("created_at", "learner", "lesson", "block", "status", "outcome", "wall_ms")
    list_filter = ("outcome", "status", "lesson__course")
    list_select_related = ("learner", "lesson__course", "lesson__stage__course")
    search_fields = ("learner__username", "lesson__slug")
    readonly_fields = [field.name for field in LessonRun._meta.fields]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
