"""The learner's own progress page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from exercises.selectors import learner_activity, learner_progress


@require_safe
@login_required
def progress(request: HttpRequest) -> HttpResponse:
    context = {
        "courses": learner_progress(learner=request.user),
        "activity": learner_activity(learner=request.user),
    }
    return render(request, "exercises/progress.html", context)
