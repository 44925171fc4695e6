"""Broadcasting a (3, 1) column against a (1, 4) row gives a (3, 4) result."""

import sys

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle


def grid(ax, x0, y0, rows, cols, values, solid, title):
    for r in range(rows):
        for c in range(cols):
            real = solid(r, c)
            ax.add_patch(Rectangle((x0 + c, y0 - r), 1, 1, fill=True, lw=1.2,
                                   edgecolor="#1b2330" if real else "#9aa3b2",
                                   facecolor="#eef0ff" if real else "#f6f6f3",
                                   linestyle="-" if real else "--"))
            ax.text(x0 + c + 0.5, y0 - r + 0.5, values(r, c), ha="center", va="center",
                    fontsize=11, color="#1b2330" if real else "#9aa3b2")
    ax.text(x0 + cols / 2, y0 + 1.35, title, ha="center", fontsize=10)


fig, ax = plt.subplots(figsize=(9, 3))
col = [0, 10, 20]
row = [1, 2, 3, 4]
grid(ax, 0, 2, 3, 4, lambda r, c: str(col[r]), lambda r, c: c == 0, "a: shape (3, 1)")
ax.text(4.6, 1.5, "+", fontsize=20, ha="center", va="center")
grid(ax, 5.2, 2, 3, 4, lambda r, c: str(row[c]), lambda r, c: r == 0, "b: shape (1, 4)")
ax.text(9.8, 1.5, "=", fontsize=20, ha="center", va="center")
grid(ax, 10.4, 2, 3, 4, lambda r, c: str(col[r] + row[c]), lambda r, c: True, "a + b: (3, 4)")
ax.text(7.2, -1.6, "dashed cells are not stored: a size-1 axis is stretched to match",
        ha="center", fontsize=9, color="#566070")
ax.set_xlim(-0.3, 14.7)
ax.set_ylim(-1.9, 3.8)
ax.set_aspect("equal")
ax.axis("off")
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
