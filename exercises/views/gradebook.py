"""The staff gradebook of a course, as a page and as CSV."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from exercises.selectors import Gradebook, course_gradebook
from lessons.models import Course

# A spreadsheet treats a cell starting with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_safe(value: object) -> object:
    """Make a text cell inert in spreadsheets; numbers are left as numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _gradebook_or_403(request: HttpRequest, course_slug: str) -> Gradebook:
    if not request.user.is_staff:
        raise PermissionDenied("The gradebook is for instructors.")
    course = get_object_or_404(Course, slug=course_slug)
    return course_gradebook(course=course)


@require_safe
@login_required
def gradebook_index(request: HttpRequest) -> HttpResponse:
    """The header's "Gradebook": the courses to choose from (straight to it if only one)."""
    if not request.user.is_staff:
        raise PermissionDenied("The gradebook is for instructors.")
    courses = list(Course.objects.order_by("title"))
    if len(courses) == 1:
        return redirect("exercises:gradebook", courses[0].slug)
    return render(request, "exercises/gradebook_index.html", {"courses": courses})


@require_safe
@login_required
def gradebook(request: HttpRequest, course_slug: str) -> HttpResponse:
    book = _gradebook_or_403(request, course_slug)
    return render(request, "exercises/gradebook.html", {"book": book, "course": book.course})


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.4g}"


@require_safe
@login_required
def gradebook_csv(request: HttpRequest, course_slug: str) -> HttpResponse:
    book = _gradebook_or_403(request, course_slug)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="gradebook-{book.course.slug}-{stamp}.csv"'
    )
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    slugs = [e.slug for e in book.exercises]
    # The mistake columns come last, so the score columns keep their places.
    header = ["username", "email", *slugs, "total", "solved", *(f"{s} mistakes" for s in slugs)]
    writer.writerow([csv_safe(v) for v in header])
    for row in book.rows:
        writer.writerow(
            [
                csv_safe(row.learner.username),
                csv_safe(row.learner.email),
                *(_score(cell.best_score) for cell in row.cells),
                f"{row.total:.4g}",
                row.solved,
                *(csv_safe(_mistakes(cell.mistakes)) for cell in row.cells),
            ]
        )
    return response


def _mistakes(counts: tuple[tuple[str, int], ...]) -> str:
    """Known mistakes reproduced by graded submits: "detached_result: 2; plus_one: 1"."""
    return "; ".join(f"{name}: {count}" for name, count in counts)
