"""Running lesson blocks through the API: the page's rules, documented answers, own runs only."""

import pytest

from accounts.services import token_create
from lessons.figures import figure_check
from lessons.models import LessonRun
from lessons.run_services import lesson_run_finish
from tests.api.conftest import ApiClient
from tests.factories import LessonFactory, UserFactory

pytestmark = pytest.mark.django_db

BODY = "```python\nx = 1\n```\n\n```python norun\ninput()\n```\n\n```python\nprint(x)\n```\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x04\x00\x00\x00\x05\x08\x02\x00\x00\x00"
    + b"\x00" * 16
)


@pytest.fixture
def lesson():
    return LessonFactory(body=BODY)


def runs_url(lesson):
    return f"/api/lessons/{lesson.course.slug}/{lesson.slug}/runs/"


def test_a_run_is_queued_with_a_location_to_poll(api, api_user, lesson):
    response = api.post_json(runs_url(lesson), {"block": 3, "source": "print(x + 1)"})

    assert response.status_code == 202
    run = LessonRun.objects.get()
    assert (run.learner, run.block, run.source) == (api_user, 3, "print(x + 1)")
    body = response.json()
    assert body["status"] == "queued" and body["outcome"] is None
    assert response["Location"] == f"/api/lesson-runs/{run.pk}/"
    assert body["urls"]["self"].endswith(response["Location"])


@pytest.mark.parametrize(
    ("payload", "status", "words"),
    [
        ({"block": 9, "source": "print(x)"}, 404, "no Python block 9"),
        ({"block": 2, "source": "print(x)"}, 400, "not to be run"),
        ({"block": "3", "source": "print(x)"}, 400, "'block' must be an integer"),
        ({"block": 3}, 400, "'source' must be a string"),
        ({"block": 3, "source": "x", "lang": "r"}, 400, "unknown fields ['lang']"),
        ({"block": 3, "source": "print(1)\x00"}, 400, "NUL"),
    ],
)
def test_bad_runs_are_refused_by_name(api, lesson, payload, status, words):
    response = api.post_json(runs_url(lesson), payload)

    assert response.status_code == status and words in response.json()["error"]
    assert not LessonRun.objects.exists()


def test_oversized_code_is_413(api, lesson, settings):
    settings.LESSON_RUN_MAX_BYTES = 100
    response = api.post_json(runs_url(lesson), {"block": 3, "source": "#" * 101})
    assert response.status_code == 413


def test_rate_limited_with_retry_after(api, lesson, settings):
    settings.LESSON_RUN_RATE = "1/m"
    assert api.post_json(runs_url(lesson), {"block": 3, "source": "print(x)"}).status_code == 202

    response = api.post_json(runs_url(lesson), {"block": 3, "source": "print(x)"})

    assert response.status_code == 429 and int(response["Retry-After"]) >= 1


def test_anonymous_is_401_and_an_unpublished_lesson_404(anon, api):
    hidden = LessonFactory(body=BODY, is_published=False)
    assert anon.post_json(runs_url(hidden), {"block": 1, "source": "x"}).status_code == 401
    assert api.post_json(runs_url(hidden), {"block": 1, "source": "x"}).status_code == 404


def test_a_finished_run_and_its_figure_for_its_owner_only(api, api_user, lesson):
    run = LessonRun.objects.create(learner=api_user, lesson=lesson, block=3, source="print(x)")
    lesson_run_finish(
        run_id=run.pk,
        outcome="ok",
        output="1\n",
        wall_ms=9.5,
        figures=[(PNG, figure_check("figure-1.png", PNG))],
    )

    body = api.get(f"/api/lesson-runs/{run.pk}/").json()

    assert (body["status"], body["outcome"], body["output"]) == ("done", "ok", "1\n")
    assert body["figures"][0]["width"] == 4 and body["figures"][0]["height"] == 5
    figure = api.get(body["figures"][0]["url"])
    assert figure.status_code == 200 and figure["Content-Type"] == "image/png"
    assert bytes(figure.content) == PNG
    other = ApiClient(HTTP_AUTHORIZATION=f"Bearer {token_create(user=UserFactory(), name='t')[1]}")
    assert other.get(f"/api/lesson-runs/{run.pk}/").status_code == 404
    assert other.get(body["figures"][0]["url"]).status_code == 404
