"""Sinusoidal positional encodings: the matrix, and a few of its columns."""

import sys

import matplotlib.pyplot as plt
import numpy as np

L, d = 64, 64
pos = np.arange(L)[:, None]
i = np.arange(d // 2)[None, :]
angle = pos / 10000 ** (2 * i / d)
PE = np.zeros((L, d))
PE[:, 0::2] = np.sin(angle)
PE[:, 1::2] = np.cos(angle)

fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
im = axes[0].imshow(PE, cmap="RdBu_r", aspect="auto", vmin=-1, vmax=1)
axes[0].set(xlabel="dimension", ylabel="position", title="PE[pos, 2i] = sin, PE[pos, 2i+1] = cos")
fig.colorbar(im, ax=axes[0], fraction=0.046)
for col, colour in [(0, "#c2410c"), (4, "#4338ca"), (16, "#15803d"), (40, "#6b7a99")]:
    axes[1].plot(PE[:, col], color=colour, label=f"dimension {col}")
axes[1].set(xlabel="position", title="low dimensions turn fast, high ones slowly")
axes[1].legend(fontsize=8, loc="lower left")
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
