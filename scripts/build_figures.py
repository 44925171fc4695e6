"""Redraw every lesson figure of a course folder from the script beside it.

    make figures                      # the bundled course
    python scripts/build_figures.py COURSE_FOLDER [NAME ...]

A figure `<stage>/figures/NAME.png` (or .svg) is drawn by `<stage>/figures/NAME.py`, which
writes the file named by its first argument. Each script runs in its own Python process
with the Agg backend and a time limit, in the author's checkout: never in a Django or
Celery process (a course folder's code is not trusted there). Scripts are seeded, and
Matplotlib's version stamp is left out, so redrawing gives the same picture.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

TIME_LIMIT_SECONDS = 120


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    course, wanted = Path(argv[0]), set(argv[1:])
    scripts = sorted(p for p in course.glob("*/figures/*.py") if not p.name.startswith("_"))
    if wanted:
        scripts = [p for p in scripts if p.stem in wanted]
        missing = wanted - {p.stem for p in scripts}
        if missing:
            print(f"error: no figure script named {', '.join(sorted(missing))}", file=sys.stderr)
            return 2
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}
    failed = 0
    for script in scripts:
        outputs = [script.with_suffix(ext) for ext in (".png", ".svg")]
        target = next((p for p in outputs if p.exists()), outputs[0])
        started = time.perf_counter()
        try:
            result = subprocess.run(
                [sys.executable, script.name, target.name],
                cwd=script.parent,
                env=env,
                capture_output=True,
                text=True,
                timeout=TIME_LIMIT_SECONDS,
            )
        except subprocess.TimeoutExpired:
            print(f"error: {script}: still running after {TIME_LIMIT_SECONDS} s", file=sys.stderr)
            failed += 1
            continue
        elapsed = time.perf_counter() - started
        if result.returncode != 0 or not target.exists():
            tail = (result.stderr or "did not write its figure").strip().splitlines()[-1]
            print(f"error: {script}: {tail}", file=sys.stderr)
            failed += 1
            continue
        size = target.stat().st_size // 1024
        print(f"{target.relative_to(course)}  {size} KiB  {elapsed:.1f} s")
    print(f"{len(scripts) - failed} figures drawn, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
