"""Softmax of one set of logits at three temperatures."""

import sys

import matplotlib.pyplot as plt
import numpy as np

logits = np.array([2.0, 1.0, 0.5, 0.0, -1.0])
tokens = ["the", "a", "one", "this", "every"]


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


fig, axes = plt.subplots(1, 3, figsize=(9, 3), sharey=True)
for ax, T in zip(axes, [0.5, 1.0, 2.0]):
    p = softmax(logits / T)
    ax.bar(tokens, p, color="#4338ca" if T == 1.0 else "#6b7a99")
    ax.set_title(f"temperature T = {T}")
    ax.set_ylim(0, 1)
    for i, v in enumerate(p):
        ax.text(i, v + 0.02, f"{v:.2f}", ha="center", fontsize=8)
axes[0].set_ylabel("probability")
fig.suptitle("softmax(z / T): low T sharpens, high T flattens", fontsize=11)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
