"""`make figures`: every figure is redrawn from its script, in its own process."""

import importlib.util
from pathlib import Path

from lessons.figures import figure_check

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("build_figures", ROOT / "scripts/build_figures.py")
build_figures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_figures)

DRAW = """\
import sys
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(3, 2))
ax.plot([0, 1], [0, 1])
fig.savefig(sys.argv[1], dpi=50, metadata={"Software": None})
"""


def test_a_figure_is_drawn_by_its_script_and_redrawing_gives_the_same_bytes(tmp_path, capsys):
    figures = tmp_path / "course" / "01-stage" / "figures"
    figures.mkdir(parents=True)
    (figures / "line.py").write_text(DRAW)

    assert build_figures.main([str(tmp_path / "course")]) == 0
    first = (figures / "line.png").read_bytes()
    assert build_figures.main([str(tmp_path / "course"), "line"]) == 0

    assert figure_check("line.png", first).width == 150
    assert (figures / "line.png").read_bytes() == first
    assert "1 figures drawn, 0 failed" in capsys.readouterr().out


def test_a_failing_script_is_reported_by_name_and_fails_the_build(tmp_path, capsys):
    figures = tmp_path / "course" / "01-stage" / "figures"
    figures.mkdir(parents=True)
    (figures / "broken.py").write_text("raise ValueError('no data here')\n")

    assert build_figures.main([str(tmp_path / "course")]) == 1
    err = capsys.readouterr().err
    assert "broken.py" in err and "ValueError: no data here" in err


def test_an_unknown_figure_name_is_an_error(tmp_path, capsys):
    (tmp_path / "course").mkdir()

    assert build_figures.main([str(tmp_path / "course"), "nope"]) == 2
    assert "no figure script named nope" in capsys.readouterr().err
