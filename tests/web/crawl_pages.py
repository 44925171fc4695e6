"""Run in a fresh process by test_no_torch.py: be a web process, render every page.

    python -m tests.web.crawl_pages STAFF LEARNER TOKEN EXERCISE_PK

Crawls every page reachable from the site's and the admin's front pages (as staff, as a
learner and anonymously), every GET route of the API, presses "Validate exercise" and
submits a solution; then prints one JSON object saying what it rendered and whether
torch (or anything of the grader's sandbox machinery) got imported.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections import deque
from urllib.parse import urljoin, urlsplit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "courseplatform.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

HREF = re.compile(r'(?:href|action)="([^"#]+)"')
SKIP = ("/accounts/logout/", "/admin/logout/", "/admin/r/", "/static/")
MAX_PAGES = 1500  # per user: the bundled course has ~500 pages and admin views


def crawl(client: Client, seeds: list[str], seen_pages: dict) -> None:
    queue, queued, count = deque(seeds), set(seeds), 0
    while queue and count < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url, secure=True)
        count += 1
        seen_pages[url] = max(seen_pages.get(url, 0), response.status_code)
        if "html" not in response.get("Content-Type", ""):
            continue
        for link in HREF.findall(response.content.decode("utf-8", "replace")):
            target = urljoin(url, link.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc and parts.netloc != "testserver":
                continue
            path = parts.path
            # Admin filters and orderings, and login's ?next=, render the same view again.
            if parts.query and not path.startswith(("/admin/", "/accounts/")):
                path += "?" + parts.query
            if path.startswith(SKIP) or path in queued:
                continue
            queued.add(path)
            queue.append(path)


def main() -> None:
    staff_name, learner_name, token, exercise_pk = sys.argv[1:5]
    setup_test_environment()
    users = get_user_model().objects
    pages: dict[str, int] = {}
    for name in (staff_name, learner_name, None):
        client = Client()
        if name:
            client.force_login(users.get(username=name))
        crawl(client, ["/", "/admin/", "/exercises/progress/", "/accounts/profile/"], pages)

    staff = Client()
    staff.force_login(users.get(username=staff_name))
    validate = staff.post(f"/admin/exercises/exercise/{exercise_pk}/validate/", secure=True)
    fragment = staff.get(f"/admin/exercises/exercise/{exercise_pk}/validation/", secure=True)
    pages["POST validate"] = validate.status_code
    pages["validation fragment"] = fragment.status_code

    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    from exercises.api.routes import ROUTES
    from exercises.models import Exercise
    from lessons.models import Lesson

    exercise = Exercise.objects.get(pk=exercise_pk)
    lesson = Lesson.objects.select_related("course").first()
    values = {
        "<slug:slug>": exercise.slug,
        "<slug:course>": lesson.course.slug,
        "<int:pk>": "1",
    }
    for route in ROUTES:
        path = route.path
        if path.startswith("courses/<slug:slug>"):
            path = path.replace("<slug:slug>", lesson.course.slug)
        if path.startswith("lessons/"):
            path = path.replace("<slug:slug>", lesson.slug)
        for pattern, value in values.items():
            path = path.replace(pattern, value)
        for operation in route.operations:
            if operation.method == "get":
                pages[f"/api/{path}"] = api.get(f"/api/{path}", secure=True).status_code
            else:
                submitted = api.post(
                    f"/api/{path}",
                    data=json.dumps({"source_code": exercise.reference_solution}),
                    content_type="application/json",
                    secure=True,
                )
                pages[f"POST /api/{path}"] = submitted.status_code

    loaded = sorted(
        name
        for name in sys.modules
        if name.split(".")[0] == "torch" or name.startswith("grader.sandbox.runtime.author")
    )
    print(json.dumps({"pages": pages, "torch": "torch" in sys.modules, "loaded": loaded}))


if __name__ == "__main__":
    main()
