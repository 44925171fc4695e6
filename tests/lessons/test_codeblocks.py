"""Python blocks of a lesson: numbering, flags, the context a block builds on."""

import re

import pytest

from exercises.course_io.reader import read_lesson
from exercises.package import PackageError
from lessons.codeblocks import fence_info, python_blocks, run_context, unknown_flags
from lessons.markdown import render_markdown_uncached

LESSON = """# Demo

```python
a = 1
```

Some prose, then shell (not a Python block):

```bash
echo hi
```

- a list item holding code:

  ```python norun
  input("this would block")
  ```

```py
b = a + 1
```

```python fresh
c = 3
```

```python
print(c)
```
"""


def test_blocks_are_numbered_in_order_with_their_flags():
    blocks = python_blocks(LESSON)

    assert [(b.number, b.source.strip(), sorted(b.flags)) for b in blocks] == [
        (1, "a = 1", []),
        (2, 'input("this would block")', ["norun"]),
        (3, "b = a + 1", []),
        (4, "c = 3", ["fresh"]),
        (5, "print(c)", []),
    ]
    assert [b.runnable for b in blocks] == [True, False, True, True, True]


def test_the_page_numbers_blocks_as_the_server_does_and_keeps_the_flags_through_nh3():
    html = render_markdown_uncached(LESSON)

    pres = re.findall(r"<pre[^>]*>", html)
    assert pres == [
        '<pre class="highlight" data-lang="python" data-block="1">',
        '<pre class="highlight">',  # bash: no number, no Run button
        '<pre class="highlight" data-lang="python" data-block="2" data-norun="true">',
        '<pre class="highlight" data-lang="python" data-block="3">',
        '<pre class="highlight" data-lang="python" data-block="4" data-fresh="true">',
        '<pre class="highlight" data-lang="python" data-block="5">',
    ]


def test_context_is_the_earlier_runnable_blocks_back_to_the_last_fresh_one():
    blocks = python_blocks(LESSON)

    assert [b.number for b in run_context(blocks, 1)] == []
    assert [b.number for b in run_context(blocks, 3)] == [1]  # block 2 is norun
    assert [b.number for b in run_context(blocks, 4)] == []  # fresh itself
    assert [b.number for b in run_context(blocks, 5)] == [4]


def test_other_attributes_on_pre_are_still_dropped():
    html = render_markdown_uncached('<pre data-block="1" onclick="x()" data-x="y">z</pre>')

    assert "onclick" not in html and "data-x" not in html


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        ("python", ("python", set(), set())),
        ("Python  NORUN", ("python", {"norun"}, set())),
        ("python norum", ("python", set(), {"norum"})),
        ("", ("", set(), set())),
    ],
)
def test_fence_info(info, expected):
    language, flags, unknown = fence_info(info)
    assert (language, set(flags), set(unknown)) == expected


def test_a_misspelt_flag_is_refused_when_the_course_is_read(tmp_path):
    text = "```python\nx = 1\n```\n\n```python norum\ny = 2\n```\n"
    assert unknown_flags(text) == ["Python block 2: unknown flag 'norum' (known: norun, fresh)"]
    path = tmp_path / "10-demo.md"
    path.write_text('+++\ntitle = "Demo"\n+++\n' + text)

    with pytest.raises(PackageError, match="Python block 2: unknown flag 'norum'"):
        read_lesson(path)
