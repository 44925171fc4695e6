"""Template helpers shared by every page: Markdown, progress rings, optional assets."""

from __future__ import annotations

import math

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from lessons.markdown import exercise_slots, render_markdown

register = template.Library()

RING_RADIUS = 15.9155  # circumference 100: the dash length is the percentage itself


@register.filter(name="markdown")
def markdown_filter(text: object) -> str:
    """Instructor Markdown only (lessons, statements, hints): the output is sanitised by nh3.

    Never apply this to learner data: learner code and output are shown as escaped text.
    """
    # Hints come from a JSON field: whatever an editor typed there is shown as text.
    source = text if isinstance(text, str) else ("" if text is None else str(text))
    return mark_safe(render_markdown(source))  # noqa: S308 - sanitised by render_markdown


@register.simple_tag
def lesson_body(rendered: str, placed: dict, tracked: bool) -> str:
    """A lesson's rendered Markdown (`render_markdown`: sanitised) with each
    `::exercise[SLUG]` slot filled by that exercise's card.

    `placed` maps slugs to the learner's entries (published exercises of this course only);
    a slot naming anything else renders nothing.
    """

    def card(slug: str) -> str:
        entry = placed.get(slug)
        if entry is None:
            return ""
        context = {"entry": entry, "tracked": tracked}
        return render_to_string("lessons/includes/exercise_card.html", context)

    return mark_safe(exercise_slots(rendered, card))  # noqa: S308 - sanitised by render_markdown


@register.filter
def percent(fraction: float | None) -> str:
    if fraction is None:
        return "–"
    return f"{math.floor(max(0.0, min(1.0, float(fraction))) * 100 + 0.5)}%"


@register.inclusion_tag("lessons/includes/progress_ring.html")
def progress_ring(done: int, total: int, size: str = "md", label: str = "complete") -> dict:
    """A ring showing done/total, with the same figure as text for screen readers."""
    fraction = done / total if total else 0.0
    shown = max(0.0, min(1.0, fraction))
    return {
        "done": done,
        "total": total,
        "percent": percent(shown),
        "dash": f"{shown * 100:.2f}",
        "radius": RING_RADIUS,
        "size": size,
        "label": label,
        "complete": total > 0 and done >= total,
    }


@register.simple_tag
def optional_static(path: str) -> str:
    """The URL of a static file, or "" if it is not there (a front-end bundle not built).

    Pages fall back to plain HTML (a textarea, TeX source) instead of failing.
    """
    try:
        url = staticfiles_storage.url(path)
    except ValueError:  # manifest storage: the file was not collected
        return ""
    if isinstance(staticfiles_storage, ManifestFilesMixin) and not settings.DEBUG:
        return url  # the manifest lists it, so it was collected
    if finders.find(path) or staticfiles_storage.exists(path):
        return url
    return ""
