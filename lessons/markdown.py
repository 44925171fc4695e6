"""Render instructor Markdown (lessons, statements, hints) to sanitised HTML.

Pipeline: markdown-it-py (CommonMark + tables + strikethrough) → dollar math emitted as
plain elements holding the escaped TeX, which KaTeX typesets in the browser → fenced code
highlighted by Pygments on the server → nh3 with an explicit allow-list, so that nothing
an author (or a compromised course folder) writes can run script in a learner's browser.

Rendering is pure, so the HTML is cached under a hash of the source text: editing a lesson
changes its hash, and no invalidation is ever needed.

A line `::exercise[SLUG]` on its own places an exercise card where a lesson teaches it.
The Markdown layer knows nothing of exercises or learners: it renders an empty slot
(`<div class="exercise-slot">SLUG</div>`), which the lesson page fills with the card and the
learner's status (see `exercise_slots`), so the cached HTML stays the same for everyone.
"""

from __future__ import annotations

import hashlib
import html
import re
from functools import lru_cache

import nh3
from django.core.cache import cache
from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES
from pygments.util import ClassNotFound

from lessons.codeblocks import fence_info, is_python

# Bump when the output for the same text changes (renderer options, allow-list).
RENDER_VERSION = "6"  # 6: ids prefixed, exercise slots, folded answers, runnable blocks
# Every id in rendered Markdown starts with this, so that no heading can take an id the
# page itself uses (`## Verdict` would otherwise become the exercise page's #verdict).
ID_PREFIX = "md-"
CACHE_SECONDS = 60 * 60 * 24 * 7

# Highlighting long blocks is the expensive part; beyond this the block stays plain text.
MAX_HIGHLIGHT_CHARS = 50_000

_TOKEN_CLASSES = frozenset(cls for cls in STANDARD_TYPES.values() if cls)

ALLOWED_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "var",
    }
)
ALLOWED_ATTRIBUTES = {
    # A Python block's number and flags, for the Run button (lessons/codeblocks.py).
    "pre": {"data-lang", "data-block", "data-norun", "data-fresh"},
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"style"},  # only text-align survives: see filter_style_properties
    "td": {"style"},
    "ol": {"start"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
}
# `class` is allowed only through this per-tag list of values (nh3 refuses both at once).
ALLOWED_CLASSES = {
    "pre": {"highlight"},
    "span": {"math", "math-inline"} | _TOKEN_CLASSES,
    "div": {"math", "math-display", "exercise-slot"},
    "details": {"answers"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def _math_inline(_renderer, tokens, idx, _options, _env) -> str:
    # The TeX stays text (escaped); static/js/math.js hands it to KaTeX in the browser.
    return f'<span class="math math-inline">{html.escape(tokens[idx].content.strip())}</span>'


def _math_display(_renderer, tokens, idx, _options, _env) -> str:
    return f'<div class="math math-display">{html.escape(tokens[idx].content.strip())}</div>\n'


EXERCISE_DIRECTIVE_RE = re.compile(r"^::exercise\[([a-z0-9][a-z0-9_-]*)\][ \t]*$")
# Matches only what `_exercise_slot` writes (after nh3, which keeps it byte for byte).
EXERCISE_SLOT_RE = re.compile(r'<div class="exercise-slot">([a-z0-9][a-z0-9_-]*)</div>')


def _exercise_directive(state, start_line: int, _end_line: int, silent: bool) -> bool:
    begin = state.bMarks[start_line] + state.tShift[start_line]
    line = state.src[begin : state.eMarks[start_line]]
    if state.sCount[start_line] - state.blkIndent >= 4 or not line.startswith("::exercise["):
        return False
    match = EXERCISE_DIRECTIVE_RE.match(line)
    if match is None:
        return False
    if silent:
        return True
    token = state.push("exercise_directive", "div", 0)
    token.meta = {"slug": match.group(1)}
    token.map = [start_line, start_line + 1]
    state.line = start_line + 1
    return True


def _exercise_slot(_renderer, tokens, idx, _options, _env) -> str:
    return f'<div class="exercise-slot">{tokens[idx].meta["slug"]}</div>\n'


def exercise_directive_slugs(text: str) -> list[str]:
    """The slugs named by `::exercise[SLUG]` lines, in order (fenced code does not count)."""
    tokens = _parser().parse(text or "")
    return [token.meta["slug"] for token in tokens if token.type == "exercise_directive"]


def image_references(text: str) -> list[tuple[str, str]]:
    """Every Markdown image in `text` as (src, alt text), in order."""
    images = []
    for token in _parser().parse(text or ""):
        for child in token.children or ():
            if child.type == "image":
                alt = "".join(grandchild.content for grandchild in child.children or ())
                images.append((str(child.attrGet("src") or ""), alt.strip()))
    return images


def exercise_slot_slugs(rendered: str) -> list[str]:
    """The slugs of the exercise slots in rendered HTML, in order."""
    return EXERCISE_SLOT_RE.findall(rendered)


def exercise_slots(rendered: str, render_card) -> str:
    """Replace each exercise slot in rendered HTML by `render_card(slug)` (HTML, or "")."""
    return EXERCISE_SLOT_RE.sub(lambda match: render_card(match.group(1)), rendered)


def fence_tokens(text: str) -> list:
    """The fenced code blocks of `text`, in order (the tokens carry `info` and `content`)."""
    return [token for token in _parser().parse(text or "") if token.type == "fence"]


def _fence(_renderer, tokens, idx, _options, env) -> str:
    # Python blocks are numbered here exactly as lessons.codeblocks.python_blocks numbers
    # them (same parser, same order), so the page's block N is the server's block N.
    token = tokens[idx]
    language, flags, _unknown = fence_info(token.info)
    data = ""
    if is_python(language):
        env["python_blocks"] = number = env.get("python_blocks", 0) + 1
        data = f' data-lang="python" data-block="{number}"'
        data += "".join(f' data-{flag}="true"' for flag in sorted(flags))
    return _highlight(token.content, language, "", data=data)


def _highlight(code: str, lang: str, _attrs: str, *, data: str = "") -> str:
    lang = (lang or "").strip().lower()
    try:
        lexer = get_lexer_by_name(lang) if lang else None
    except ClassNotFound:
        lexer = None
    if lexer is None or len(code) > MAX_HIGHLIGHT_CHARS:
        body = html.escape(code)
    else:
        body = highlight(code, lexer, HtmlFormatter(nowrap=True))
    return f'<pre class="highlight"{data}><code>{body}</code></pre>\n'


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt(
        "commonmark",
        # Raw HTML is parsed so that nh3 can drop the dangerous parts entirely instead of
        # showing them as literal text; the allow-list decides what survives.
        {"html": True, "linkify": False, "typographer": False, "highlight": _highlight},
    )
    md.enable(["table", "strikethrough"])
    # No spaces inside $…$ and no digits around it: "$5 and $10" stays prose.
    dollarmath_plugin(md, allow_space=False, allow_digits=False, allow_labels=False)
    # Our own rules replace the plugin's wrappers, whose class names the allow-list drops.
    md.add_render_rule("math_inline", _math_inline)
    md.add_render_rule("math_inline_double", _math_display)
    md.add_render_rule("math_block", _math_display)
    md.block.ruler.before(
        "paragraph", "exercise_directive", _exercise_directive, {"alt": ["paragraph"]}
    )
    md.add_render_rule("exercise_directive", _exercise_slot)
    md.add_render_rule("fence", _fence)
    anchors_plugin(md, min_level=2, max_level=3)
    return md


def _same_page_link(element: str, attribute: str, value: str) -> str:
    # `[see](#why)` keeps pointing at `## Why`, whose id is prefixed.
    if element == "a" and attribute == "href" and value.startswith("#"):
        if not value.startswith("#" + ID_PREFIX):
            return "#" + ID_PREFIX + value[1:]
    return value


def _sanitise(dirty: str) -> str:
    return nh3.clean(
        dirty,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(classes) for tag, classes in ALLOWED_CLASSES.items()},
        url_schemes=set(URL_SCHEMES),
        filter_style_properties={"text-align"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        id_prefix=ID_PREFIX,  # also the ids an author writes in raw HTML
        attribute_filter=_same_page_link,
    )


def render_markdown_uncached(text: str) -> str:
    """Render `text` to sanitised HTML without touching the cache."""
    return _sanitise(_parser().render(text or ""))


def render_markdown(text: str) -> str:
    """Render Markdown to sanitised HTML, cached under a hash of the text."""
    if not text:
        return ""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    key = f"markdown:{RENDER_VERSION}:{digest}"
    rendered = cache.get(key)
    if rendered is None:
        rendered = render_markdown_uncached(text)
        cache.set(key, rendered, CACHE_SECONDS)
    return rendered
