"""A 3×3 kernel sliding over a 6×6 input (stride 1, no padding) gives a 4×4 output."""

import sys

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

rng = np.random.default_rng(5)
x = rng.integers(0, 4, size=(6, 6))
k = np.array([[1, 0, -1], [1, 0, -1], [1, 0, -1]])
out = np.array([[np.sum(x[i:i + 3, j:j + 3] * k) for j in range(4)] for i in range(4)])
pos = (1, 2)  # the output cell being computed


def draw(ax, m, title, highlight=None, colour="#c2410c"):
    ax.imshow(np.zeros_like(m), cmap="Greys", vmin=0, vmax=1)
    for (r, c), v in np.ndenumerate(m):
        ax.text(c, r, v, ha="center", va="center", fontsize=11)
    ax.set_xticks(np.arange(-0.5, m.shape[1]), [])
    ax.set_yticks(np.arange(-0.5, m.shape[0]), [])
    ax.grid(color="#9aa3b2", lw=1)
    ax.tick_params(length=0)
    ax.set_title(title, fontsize=10)
    if highlight:
        (r, c), size = highlight
        ax.add_patch(Rectangle((c - 0.5, r - 0.5), size, size, fill=True, alpha=0.25,
                               facecolor=colour, edgecolor=colour, lw=2.5))


fig, axes = plt.subplots(1, 3, figsize=(10, 3.6), gridspec_kw={"width_ratios": [6, 3, 4]})
draw(axes[0], x, "input 6×6: the window at (1, 2)", (pos, 3))
draw(axes[1], k, "kernel 3×3 (vertical edges)", ((0, 0), 3), colour="#4338ca")
draw(axes[2], out, "output 4×4 = (6 − 3) / 1 + 1", (pos, 1))
patch = x[pos[0]:pos[0] + 3, pos[1]:pos[1] + 3]
fig.text(0.5, 0.02, f"output[1, 2] = sum(window × kernel) = {int(np.sum(patch * k))}: the same "
         "9 weights are reused at every position", ha="center", fontsize=9.5, color="#1b2330")
fig.tight_layout(rect=(0, 0.06, 1, 1))
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
