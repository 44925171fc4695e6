"""Lesson figures: checked on the way in, loaded from and dumped to course folders, served
from the lesson's own URL, replaceable in admin."""

import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from exercises.course_io import read_course
from exercises.package import PackageError
from lessons.figures import FigureError, figure_check
from lessons.models import Lesson, LessonFigure
from lessons.services import lesson_figure_store
from tests.courses.helpers import copy_course, edit, load, run_command
from tests.factories import LessonFactory, StaffFactory

pytestmark = pytest.mark.django_db


def png(width: int, height: int, colour: int = 0) -> bytes:
    """A real, minimal greyscale PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + bytes([colour]) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


SVG_OPEN = b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">'
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="5"/></svg>'


def figure_url(lesson, name):
    return reverse("lessons:lesson_figure", args=[lesson.course.slug, lesson.slug, name])


def test_png_and_svg_figures_are_measured_from_their_content():
    assert figure_check("curve.png", png(30, 12)).width == 30
    info = figure_check("sketch.svg", SVG)
    assert (info.content_type, info.width, info.height) == ("image/svg+xml", 40, 20)


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("curve.png", b"GIF89a not a png", "not a PNG"),
        ("curve.png", png(5000, 10), "outside 1…4096"),
        ("Curve.PNG", png(3, 3), "lower-case"),
        ("../x.png", png(3, 3), "lower-case"),
        (
            "a.svg",
            SVG_OPEN + b"<script>x</script></svg>",
            "<script>",
        ),
        (
            "a.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9" onload="x()"/>',
            "event handlers",
        ),
        (
            "a.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><image href="http://x/y.png"/></svg>',
            "only link inside",
        ),
        (
            "a.svg",
            b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg"/>',
            "entities",
        ),
        ("a.svg", b"<html><body/></html>", "root element"),
    ],
)
def test_a_figure_that_is_not_a_plain_image_is_refused_with_the_reason(name, data, problem):
    with pytest.raises(FigureError, match=problem.replace("(", r"\(")):
        figure_check(name, data)


def test_figure_is_served_from_the_lesson_url_as_an_inert_image(client):
    lesson = LessonFactory(body="![A rising curve](figures/curve.png)")
    data = png(8, 4)
    lesson_figure_store(lesson=lesson, name="curve.png", data=data)

    page = client.get(reverse("lessons:lesson_detail", args=[lesson.course.slug, lesson.slug]))
    response = client.get(figure_url(lesson, "curve.png"))

    assert 'src="figures/curve.png"' in page.content.decode()
    assert response.status_code == 200
    assert response.content == data
    assert response["Content-Type"] == "image/png"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    again = client.get(figure_url(lesson, "curve.png"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_figures_of_unpublished_lessons_and_unknown_names_are_404(client):
    lesson = LessonFactory(is_published=False)
    lesson_figure_store(lesson=lesson, name="curve.png", data=png(2, 2))
    public = LessonFactory()

    assert client.get(figure_url(lesson, "curve.png")).status_code == 404
    assert client.get(figure_url(public, "curve.png")).status_code == 404


def _course_with_a_figure(tmp_path):
    root = copy_course(tmp_path / "mini-course")
    (root / "01-basics" / "figures").mkdir()
    (root / "01-basics" / "figures" / "grid.png").write_bytes(png(6, 6, colour=200))
    (root / "01-basics" / "figures" / "grid.py").write_text("# draws grid.png\n")
    edit(
        root / "01-basics" / "01-arrays.md",
        "## Check yourself",
        "![A grid](figures/grid.png)\n\n## Check yourself",
    )
    return root


def test_loadcourse_stores_the_figures_a_lesson_shows_and_a_second_load_writes_nothing(tmp_path):
    root = _course_with_a_figure(tmp_path)

    first = load(root)
    second = load(root)

    figure = LessonFigure.objects.get(name="grid.png")
    assert bytes(figure.content) == (root / "01-basics" / "figures" / "grid.png").read_bytes()
    assert (figure.width, figure.height) == (6, 6)
    assert first.figures_written == 1
    assert second.figures_written == 0 and not second.changed


def test_a_figure_removed_from_the_lesson_is_removed_on_the_next_load(tmp_path):
    root = _course_with_a_figure(tmp_path)
    load(root)
    edit(root / "01-basics" / "01-arrays.md", "![A grid](figures/grid.png)", "")

    report = load(root)

    assert report.figures_written == 1
    assert not LessonFigure.objects.exists()


@pytest.mark.parametrize(
    "body, problem",
    [
        ("![](figures/grid.png)", "has no alt text"),
        ("![A grid](figures/missing.png)", "is not a file in"),
    ],
)
def test_a_lesson_with_a_broken_figure_link_fails_to_load_naming_the_lesson(
    tmp_path, body, problem
):
    root = _course_with_a_figure(tmp_path)
    edit(root / "01-basics" / "01-arrays.md", "![A grid](figures/grid.png)", body)

    with pytest.raises(PackageError, match=problem) as raised:
        read_course(root)
    assert "01-arrays.md" in str(raised.value)


def test_a_corrupt_figure_file_fails_to_load_naming_the_file(tmp_path):
    root = _course_with_a_figure(tmp_path)
    (root / "01-basics" / "figures" / "grid.png").write_bytes(b"not an image")

    with pytest.raises(PackageError, match="grid.png: not a PNG"):
        read_course(root)


def test_dumpcourse_writes_the_figures_back_beside_the_lessons(tmp_path):
    root = _course_with_a_figure(tmp_path)
    load(root)

    code, _, err = run_command("dumpcourse", "mini", str(tmp_path / "dumped"))

    assert code == 0, err
    dumped = tmp_path / "dumped" / "01-basics" / "figures" / "grid.png"
    assert dumped.read_bytes() == (root / "01-basics" / "figures" / "grid.png").read_bytes()
    assert read_course(tmp_path / "dumped").lessons()[0].figures == {
        "grid.png": dumped.read_bytes()
    }


def test_staff_replace_a_figure_in_admin_and_learners_see_the_new_one(client):
    lesson = LessonFactory(body="![A grid](figures/grid.png)")
    lesson_figure_store(lesson=lesson, name="grid.png", data=png(4, 4))
    figure = LessonFigure.objects.get()
    client.force_login(StaffFactory(is_superuser=True))
    url = reverse("admin:lessons_lesson_change", args=[lesson.pk])
    form = client.get(url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(
        {
            "course": lesson.course_id,
            "stage": lesson.stage_id,
            "figures-TOTAL_FORMS": "1",
            "figures-INITIAL_FORMS": "1",
            "figures-0-id": figure.pk,
            "figures-0-lesson": lesson.pk,
            "figures-0-name": "grid.png",
            "figures-0-upload": SimpleUploadedFile("grid.png", png(9, 3), "image/png"),
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors
    figure.refresh_from_db()
    assert (figure.width, figure.height) == (9, 3)
    assert client.get(figure_url(lesson, "grid.png")).content == png(9, 3)


def test_admin_refuses_an_upload_that_is_not_an_image_and_keeps_the_old_one(client):
    lesson = LessonFactory()
    lesson_figure_store(lesson=lesson, name="grid.png", data=png(4, 4))
    figure = LessonFigure.objects.get()
    client.force_login(StaffFactory(is_superuser=True))
    url = reverse("admin:lessons_lesson_change", args=[lesson.pk])
    data = {
        "course": lesson.course_id,
        "stage": lesson.stage_id,
        "slug": lesson.slug,
        "title": lesson.title,
        "order": lesson.order,
        "is_published": "on",
        "body": lesson.body,
        "figures-TOTAL_FORMS": "1",
        "figures-INITIAL_FORMS": "1",
        "figures-0-id": figure.pk,
        "figures-0-lesson": lesson.pk,
        "figures-0-name": "grid.png",
        "figures-0-upload": SimpleUploadedFile("grid.png", b"<html>", "image/png"),
    }

    response = client.post(url, data)

    assert response.status_code == 200
    assert "not a PNG" in response.content.decode()
    figure.refresh_from_db()
    assert bytes(figure.content) == png(4, 4)
    assert Lesson.objects.get(pk=lesson.pk).figures.count() == 1
