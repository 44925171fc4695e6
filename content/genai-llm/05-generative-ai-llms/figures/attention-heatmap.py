"""Attention weights of one head on a short sentence, without and with a causal mask."""

import sys

import matplotlib.pyplot as plt
import numpy as np

tokens = ["the", "cat", "sat", "on", "the", "mat"]
rng = np.random.default_rng(4)
d = 8
E = rng.normal(size=(len(tokens), d))
E[4] = E[0] + 0.1 * rng.normal(size=d)  # the two "the" embed alike
Wq, Wk = rng.normal(size=(d, d)) / np.sqrt(d), rng.normal(size=(d, d)) / np.sqrt(d)
scores = (E @ Wq) @ (E @ Wk).T / np.sqrt(d)


def softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


causal = np.where(np.tril(np.ones_like(scores)) > 0, scores, -np.inf)
fig, axes = plt.subplots(1, 2, figsize=(9.5, 4.2))
for ax, s, title in [(axes[0], scores, "bidirectional (encoder)"),
                     (axes[1], causal, "causal mask (decoder): -inf above the diagonal")]:
    A = softmax(s)
    ax.imshow(A, cmap="Purples", vmin=0, vmax=1)
    for (i, j), v in np.ndenumerate(A):
        ax.text(j, i, f"{v:.2f}" if v > 0 else "0", ha="center", va="center", fontsize=8,
                color="white" if v > 0.55 else "black")
    ax.set_xticks(range(len(tokens)), tokens)
    ax.set_yticks(range(len(tokens)), tokens)
    ax.set(xlabel="key (attended to)", ylabel="query", title=title)
fig.suptitle("softmax(QKᵀ / √d): each row is one query's weights and sums to 1", fontsize=10)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
