import hashlib

import pytest
from django.core.cache import cache

from lessons import markdown
from lessons.markdown import render_markdown, render_markdown_uncached


def test_commonmark_tables_and_strikethrough_are_rendered():
    html = render_markdown_uncached("# Title\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n~~old~~ **new**")

    assert "<h1>Title</h1>" in html
    assert "<table>" in html and '<td style="text-align:right">2</td>' in html
    assert "<s>old</s>" in html and "<strong>new</strong>" in html


def test_inline_and_display_math_are_left_as_escaped_tex_for_katex():
    html = render_markdown_uncached("Softmax $p_i < 1$ and\n\n$$\n\\sum_i p_i = 1 & <b>\n$$\n")

    assert '<span class="math math-inline">p_i &lt; 1</span>' in html
    assert '<div class="math math-display">\\sum_i p_i = 1 &amp; &lt;b&gt;</div>' in html


def test_dollar_amounts_are_not_math():
    html = render_markdown_uncached("It costs $5 and $10.")

    assert "math" not in html
    assert "$5 and $10" in html


def test_fenced_python_is_highlighted_on_the_server():
    html = render_markdown_uncached('```python\ndef f(x):\n    return "<b>"\n```\n')

    assert '<pre class="highlight" data-lang="python" data-block="1"><code>' in html
    assert '<span class="k">def</span>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html


def test_unknown_language_is_plain_escaped_code():
    html = render_markdown_uncached("```brainfart\n<tag> & x\n```\n")

    assert "&lt;tag&gt; &amp; x" in html


@pytest.mark.parametrize(
    "source, forbidden",
    [
        ("<script>alert(1)</script>", "<script"),
        ("<script>alert(1)</script>", "alert(1)"),
        ('<img src="x.png" onerror="alert(1)">', "onerror"),
        ("[click](javascript:alert(1))", 'href="javascript:'),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<div style="background:url(x)" onclick="x()">d</div>', "onclick"),
        ('<div style="position:fixed">d</div>', "position"),
        ('<span class="evil">x</span>', "evil"),
        ("<svg><script>alert(1)</script></svg>", "<svg"),
        ("<style>body{display:none}</style>", "<style"),
        ('<form action="/x"><input name="q"></form>', "<form"),
        ("![x](javascript:alert(1))", 'src="javascript:'),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    ],
)
def test_dangerous_markup_never_survives(source, forbidden):
    html = render_markdown_uncached(source)

    assert forbidden.lower() not in html.lower()


def test_safe_links_get_rel_noopener_and_headings_get_anchors():
    html = render_markdown_uncached("## Check yourself\n\n[docs](https://numpy.org)")

    assert '<h2 id="md-check-yourself">' in html
    assert 'href="https://numpy.org"' in html and 'rel="noopener noreferrer"' in html


def test_rendered_html_is_cached_by_a_hash_of_the_text(monkeypatch):
    calls = []
    real = markdown._sanitise
    monkeypatch.setattr(markdown, "_sanitise", lambda html: calls.append(1) or real(html))

    first = render_markdown("Some *text* with $x$.")
    second = render_markdown("Some *text* with $x$.")
    third = render_markdown("Some *other* text.")

    assert first == second and "<em>text</em>" in first
    assert "<em>other</em>" in third
    assert len(calls) == 2  # the repeat came from the cache
    digest = hashlib.sha256(b"Some *text* with $x$.").hexdigest()
    assert cache.get(f"markdown:{markdown.RENDER_VERSION}:{digest}") == first


def test_empty_text_renders_to_nothing():
    assert render_markdown("") == ""


def test_heading_ids_are_prefixed_so_they_cannot_take_the_pages_own_ids():
    html = render_markdown_uncached(
        '## Verdict\n\nSee [the verdict](#verdict).\n\n<h3 id="solution-form">raw</h3>\n'
    )

    assert '<h2 id="md-verdict">Verdict</h2>' in html
    assert 'href="#md-verdict"' in html
    assert '<h3 id="md-solution-form">raw</h3>' in html
    assert 'id="verdict"' not in html and 'id="solution-form"' not in html
