"""Write one benchmark's section of docs/performance.md, leaving the others as they are."""

from __future__ import annotations

from pathlib import Path

PERFORMANCE_MD = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


def write_section(name: str, text: str, path: Path = PERFORMANCE_MD) -> None:
    """Replace the text between `<!-- begin NAME -->` and `<!-- end NAME -->` (appended at
    the end the first time)."""
    begin, end = f"<!-- begin {name} -->", f"<!-- end {name} -->"
    block = f"{begin}\n{text.strip()}\n{end}"
    current = path.read_text() if path.exists() else ""
    if begin in current and end in current:
        head, rest = current.split(begin, 1)
        tail = rest.split(end, 1)[1]
        path.write_text(head + block + tail)
    else:
        path.write_text(current.rstrip() + "\n\n" + block + "\n")
