"""Static scan for forbidden calls (trusted side, no execution): a teaching aid.

`forbidden_scan(source, ["torch.nn.functional.conv2d", "torch.nn.Conv2d"], "conv2d")`
resolves what each name in the source refers to through its imports
(`import torch.nn.functional as F`, `from torch.nn import functional`, `from torch import
conv2d as c`, star imports) and reports the forbidden dotted names it reaches, including
`getattr(module, "name")` with a constant string. A name the learner defines themselves
(the entry point, a recursive call, a helper that shadows an import) is theirs, not
torch's, so it is never reported. Determined code can hide a call (strings built at run
time, `__import__` games): the runtime hook catches some of that, nothing catches all.
"""

from __future__ import annotations

import ast


def forbidden_scan(source: str, forbidden: list[str], entry_point: str) -> list[str]:
    """Return the forbidden dotted names the source refers to, sorted, without repeats."""
    wanted = [name.strip() for name in forbidden if name and name.strip()]
    if not wanted:
        return []
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []  # the sandbox reports the syntax error itself
    scanner = _Scanner(_own_names(tree) | {entry_point})
    try:
        scanner.visit(tree)
    except RecursionError:
        pass
    found = set()
    for path in scanner.paths:
        for name in wanted:
            if path == name or path.startswith(name + "."):
                found.add(name)
    for star_module, bare in scanner.star_uses:
        for name in wanted:
            if name == f"{star_module}.{bare}" or name.startswith(f"{star_module}.{bare}."):
                found.add(name)
    return sorted(found)


def _own_names(tree: ast.AST) -> set[str]:
    """Names the module binds by def/class/assignment: the learner's own, never torch's."""
    own = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            own.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            own.add(node.id)
        elif isinstance(node, ast.arg):
            own.add(node.arg)
    return own


class _Scanner(ast.NodeVisitor):
    def __init__(self, own: set[str]) -> None:
        self.own = own
        self.aliases: dict[str, str] = {}  # local name -> dotted path it was imported as
        self.stars: list[str] = []
        self.paths: set[str] = set()
        self.star_uses: set[tuple[str, str]] = set()

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self.aliases[alias.asname] = alias.name
                self.paths.add(alias.name)
            else:
                top = alias.name.split(".")[0]
                self.aliases[top] = top
                self.paths.add(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level or not node.module:
            return
        for alias in node.names:
            if alias.name == "*":
                self.stars.append(node.module)
                continue
            path = f"{node.module}.{alias.name}"
            self.aliases[alias.asname or alias.name] = path
            self.paths.add(path)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        path = self._resolve(node)
        if path:
            self.paths.add(path)
        else:
            self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        path = self._resolve(node)
        if path:
            self.paths.add(path)
        elif node.id not in self.own:
            for module in self.stars:
                self.star_uses.add((module, node.id))

    def visit_Call(self, node: ast.Call) -> None:
        # getattr(torch.nn.functional, "conv2d") and getattr(F, "conv2d", None)
        func = node.func
        if (
            isinstance(func, ast.Name)
            and func.id == "getattr"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            base = self._resolve(node.args[0])
            if base:
                self.paths.add(f"{base}.{node.args[1].value}")
        self.generic_visit(node)

    def _resolve(self, node: ast.AST) -> str | None:
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        base = self.aliases.get(node.id)
        if base is None:
            return None
        return ".".join([base, *reversed(parts)])
