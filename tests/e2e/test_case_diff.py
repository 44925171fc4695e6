"""A failing visible case shows what differs: a cell table, a heatmap, a shape relation."""

import re

import pytest
from playwright.sync_api import expect

from exercises.models import Submission
from tests.e2e.test_account_pages import log_in
from tests.factories import ExerciseFactory

pytestmark = [pytest.mark.e2e, pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CASES = """
import numpy as np

from grader.casekit import Case


def cases():
    rng = np.random.default_rng(3)
    yield Case("small matrix", args=(np.arange(12.0).reshape(3, 4),), visible=True)
    yield Case("large matrix", args=(rng.normal(size=(40, 50)),), visible=True)
    yield Case("a column", args=(np.ones((5, 1)),), visible=True)
    yield Case("hidden matrix", args=(rng.normal(size=(40, 50)),))
"""

WRONG = """import numpy as np


def double(x):
    y = 2 * x
    if x.shape == (3, 4):
        y[1, 2] += 0.5
        return y
    if x.shape[0] > 10:
        y[7, 9] = np.nan
        return y
    return y[:, 0]
"""


def test_a_failing_visible_case_shows_cells_a_heatmap_and_the_shape_relation(
    new_page, e2e_learner, live_worker, shots
):
    exercise = ExerciseFactory(slug="double-matrix", title="Double a matrix", cases_source=CASES)
    page = new_page()
    log_in(page, e2e_learner.username)
    page.goto(f"/exercises/{exercise.slug}/")
    expect(page.locator(".cm-editor")).to_be_visible()
    page.evaluate(
        "text => document.querySelector('#id_source_code').codeEditor.setValue(text)", WRONG
    )

    page.get_by_role("button", name="Run visible tests").click()
    verdict = page.locator("#verdict .verdict")
    expect(verdict).to_have_class(re.compile("verdict--failed"), timeout=30_000)

    small = verdict.locator(".case", has_text="small matrix")
    expect(small.locator(".diff__table")).to_have_count(2)
    expect(small.locator("td.diff__cell--bad")).to_have_count(2)  # the cell, on both sides
    expect(small.locator(".diff__table").nth(1).locator("td.diff__cell--bad")).to_have_text(
        "12.5 (outside tolerance)"
    )
    expect(small).to_contain_text("1 of 12")
    large = verdict.locator(".case", has_text="large matrix")
    expect(large.get_by_role("img", name=re.compile("Heatmap of the error"))).to_be_visible()
    expect(large.locator("svg text.diff__mark")).to_have_text("N")
    expect(large).to_contain_text("1 value NaN or infinite")
    column = verdict.locator(".case", has_text="a column")
    expect(column).to_contain_text("expected shape (5, 1), got (5,)")
    expect(column).to_contain_text("lacks axis 1 (size 1)")
    shots(page, "run-with-diffs")

    run = Submission.objects.get(learner=e2e_learner, mode="run")
    page.goto(f"/exercises/submissions/{run.pk}/")
    expect(page.locator("td.diff__cell--bad")).to_have_count(2)
    expect(page.get_by_role("img", name=re.compile("Heatmap of the error"))).to_be_visible()
    shots(page, "submission-page-with-diffs")

    page.goto(f"/exercises/{exercise.slug}/")
    page.evaluate(
        "text => document.querySelector('#id_source_code').codeEditor.setValue(text)", WRONG
    )
    page.get_by_role("button", name="Submit", exact=True).click()
    expect(verdict).to_have_class(re.compile("verdict--failed"), timeout=30_000)
    hidden = verdict.locator(".case", has_text="hidden matrix")
    expect(hidden.locator(".tag--hidden")).to_have_count(1)
    expect(hidden.locator(".diff")).to_have_count(0)
    submit = Submission.objects.get(learner=e2e_learner, mode="submit")
    hidden_rows = [case for case in submit.cases if case["name"] == "hidden matrix"]
    assert hidden_rows and "diff" not in hidden_rows[0]
    assert page.js_errors == []
