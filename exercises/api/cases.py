"""Names of an exercise's visible cases, read from cases.py without running it.

The web process never executes cases.py: it is trusted code, may import torch (which web
hosts need not have) and is the grader's business. A static read finds every
`Case("literal name", ..., visible=True)`; a name computed at run time (an f-string in a
loop) is not listed, which the schema says.
"""

from __future__ import annotations

import ast
from functools import lru_cache


@lru_cache(maxsize=256)
def visible_case_names(cases_source: str) -> tuple[str, ...]:
    """Return the literal names of the visible `Case(...)` calls in `cases_source`, in order."""
    try:
        tree = ast.parse(cases_source)
    except SyntaxError:
        return ()
    names = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _callee(node.func) != "Case":
            continue
        keywords = {kw.arg: kw.value for kw in node.keywords if kw.arg}
        visible = keywords.get("visible")
        if not (isinstance(visible, ast.Constant) and visible.value is True):
            continue
        name = node.args[0] if node.args else keywords.get("name")
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            names.append((node.lineno, node.col_offset, name.value))
    return tuple(name for _, _, name in sorted(names))


def _callee(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""
