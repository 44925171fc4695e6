"""The TOML writer behind dumpcourse: whatever it writes, tomllib reads back equal."""

import tomllib

import pytest

from exercises.course_io.toml_write import dumps

AWKWARD = [
    "plain",
    "",
    'quotes " and \\ backslashes',
    "multi\nline\nMarkdown with $x^2$",
    "multi\nline ending in a quote'",
    'multi\nline with """ and \\ inside',
    "multi\nline with ''' and \"\"\" both",
    "control \x01 and DEL \x7f and tab\t",
    "\nleading newline",
    "unicode: é, 中文, emoji 🙂",
    "windows\r\nnewlines",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_strings_read_back_equal(text):
    data = {"value": text, "list": [text, "other"]}

    assert tomllib.loads(dumps(data)) == data


@pytest.mark.parametrize("number", [1e-7, 1e-4, 0.5, 5.0, 123.25, 1e16, -3e-8, 5e-324, 0.1])
def test_floats_read_back_exactly(number):
    text = dumps({"rtol": number})

    assert tomllib.loads(text)["rtol"] == number
    assert type(tomllib.loads(text)["rtol"]) is float


def test_tolerances_are_written_as_authors_write_them():
    assert dumps({"rtol": 1e-7, "atol": 0.0001}) == "rtol = 1e-7\natol = 1e-4\n"


def test_tables_come_after_the_scalars():
    text = dumps({"slug": "x", "limits": {"wall_seconds": 5}, "order": 3})

    assert text == 'slug = "x"\norder = 3\n\n[limits]\nwall_seconds = 5\n'


def test_values_it_cannot_write_are_an_error():
    with pytest.raises(TypeError):
        dumps({"when": object()})
