"""What an exercise's cases.py builds: a list of `Case` (defined in runtime/casekit.py).

cases.py runs only inside the sandbox (runtime/author.py), where it imports this name as
`from grader.casekit import Case`. It defines `cases() -> Iterable[Case]` (seeded,
deterministic). A case that needs another comparison than the default names a platform
check (`Case(..., check="rows_up_to_sign")`, see grader/checks.py): checks are code the
trusted side ships, never code from cases.py.
"""

from __future__ import annotations

from grader.sandbox.runtime.casekit import Case

__all__ = ["Case"]
