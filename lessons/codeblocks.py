"""A lesson's Python code blocks: what the page can run, and what each run builds on.

A fenced block whose language is `python` is a runnable block, numbered from 1 in the
order of the lesson text. Flags after the language change that:

    ```python norun     shown, never run (no Run button), and not part of any context
    ```python fresh     starts a new context: the blocks before it are not re-run for it
                        or for the blocks after it

A block runs notebook-style: after the lesson's earlier runnable blocks (back to the last
`fresh` one), re-run on the server from the lesson text in the database, never from what
the browser sends. The renderer (lessons/markdown.py) writes the number and flags on the
block's <pre> as data attributes; the numbering here and there is the same function.
"""

from __future__ import annotations

from dataclasses import dataclass

PYTHON_LANGUAGES = frozenset({"python", "py"})
FLAGS = frozenset({"norun", "fresh"})


@dataclass(frozen=True)
class CodeBlock:
    number: int  # 1-based, among the lesson's Python blocks
    source: str
    flags: frozenset[str]

    @property
    def runnable(self) -> bool:
        return "norun" not in self.flags

    @property
    def fresh(self) -> bool:
        return "fresh" in self.flags


def fence_info(info: str) -> tuple[str, frozenset[str], frozenset[str]]:
    """Split a fence's info string into (language, known flags, unknown words)."""
    words = (info or "").split()
    language = words[0].lower() if words else ""
    rest = {word.lower() for word in words[1:]}
    return language, frozenset(rest & FLAGS), frozenset(rest - FLAGS)


def is_python(language: str) -> bool:
    return language in PYTHON_LANGUAGES


def python_blocks(text: str) -> list[CodeBlock]:
    """The lesson's Python blocks, in order, numbered from 1."""
    from lessons.markdown import fence_tokens  # the one parser, so numbering agrees

    blocks = []
    for token in fence_tokens(text):
        language, flags, _unknown = fence_info(token.info)
        if is_python(language):
            blocks.append(CodeBlock(number=len(blocks) + 1, source=token.content, flags=flags))
    return blocks


def unknown_flags(text: str) -> list[str]:
    """Problems with Python fence flags, for course validation ("block 3: 'norum'")."""
    problems = []
    number = 0
    from lessons.markdown import fence_tokens

    for token in fence_tokens(text):
        language, _flags, unknown = fence_info(token.info)
        if is_python(language):
            number += 1
            for word in sorted(unknown):
                problems.append(
                    f"Python block {number}: unknown flag {word!r} (known: norun, fresh)"
                )
    return problems


def run_context(blocks: list[CodeBlock], number: int) -> list[CodeBlock]:
    """The blocks to re-run before block `number`: runnable, back to the last `fresh`."""
    target = blocks[number - 1]
    if target.fresh:
        return []
    context: list[CodeBlock] = []
    for block in blocks[: number - 1]:
        if block.fresh:
            context = []
        if block.runnable:
            context.append(block)
    return context
