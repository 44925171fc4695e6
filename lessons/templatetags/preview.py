"""The banner that staff see on a page learners cannot open (an unpublished item)."""

from __future__ import annotations

from django import template
from django.urls import reverse

from exercises.models import Exercise
from lessons.models import Course, Lesson

register = template.Library()


def _why_hidden(item: Course | Lesson | Exercise) -> tuple[str, str]:
    if isinstance(item, Course):
        label, course, admin = "course", item, "admin:lessons_course_change"
    elif isinstance(item, Lesson):
        label, course, admin = "lesson", item.course, "admin:lessons_lesson_change"
    else:
        label, course, admin = "exercise", item.stage.course, "admin:exercises_exercise_change"
    if not item.is_published:
        return f"This {label} is unpublished", admin
    if not course.is_published:
        return f"This {label}'s course is unpublished", admin
    return "", admin


@register.inclusion_tag("includes/preview_banner.html", takes_context=True)
def preview_banner(context, item: Course | Lesson | Exercise) -> dict:
    """Show staff that learners cannot see this page, and where to publish it."""
    why, admin = _why_hidden(item)
    return {
        "why": why,
        "admin_url": reverse(admin, args=[item.pk]) if why else "",
        "show": bool(why) and context["request"].user.is_staff,
    }
