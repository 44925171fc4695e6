"""Visible case names are read from cases.py statically, never by running it."""

from exercises.api.cases import visible_case_names

SOURCE = """
import torch  # a web host may not even have torch: the file must not be imported
from grader.casekit import Case
import grader.casekit as ck

def cases():
    yield Case("first", args=(1,), visible=True)
    yield Case("hidden one", args=(2,))
    yield Case("explicitly hidden", args=(2,), visible=False)
    yield ck.Case(name="by keyword", visible=True)
    for n in (1, 2):
        yield Case(f"computed {n}", visible=True)
    yield Case("last", visible=True)
"""


def test_lists_literal_visible_names_in_source_order():
    assert visible_case_names(SOURCE) == ("first", "by keyword", "last")


def test_a_broken_cases_file_lists_nothing():
    assert visible_case_names("def cases(:\n") == ()
