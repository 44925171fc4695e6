"""Cosine similarities between toy word vectors, and the same vectors after PCA to 2-D."""

import sys

import matplotlib.pyplot as plt
import numpy as np

# Hand-made 5-d "embeddings": axes roughly mean royalty, gender, animal, size, fruit.
words = ["king", "queen", "man", "woman", "cat", "tiger", "apple", "pear"]
E = np.array([
    [0.9, 0.8, 0.0, 0.3, 0.0], [0.9, -0.8, 0.0, 0.3, 0.0], [0.1, 0.8, 0.1, 0.2, 0.0],
    [0.1, -0.8, 0.1, 0.2, 0.0], [0.0, 0.0, 0.9, -0.4, 0.0], [0.1, 0.0, 0.9, 0.7, 0.0],
    [0.0, 0.0, 0.0, -0.2, 0.9], [0.0, 0.0, 0.0, -0.1, 0.8],
])
U = E / np.linalg.norm(E, axis=1, keepdims=True)
S = U @ U.T
fig, axes = plt.subplots(1, 2, figsize=(10, 4.2))
im = axes[0].imshow(S, cmap="RdBu_r", vmin=-1, vmax=1)
axes[0].set_xticks(range(len(words)), words, rotation=45)
axes[0].set_yticks(range(len(words)), words)
for (i, j), v in np.ndenumerate(S):
    axes[0].text(j, i, f"{round(v, 1) + 0.0:.1f}", ha="center", va="center", fontsize=7,
                 color="white" if abs(v) > 0.6 else "black")
fig.colorbar(im, ax=axes[0], fraction=0.046)
axes[0].set_title("cosine similarity of every pair")
Ec = E - E.mean(axis=0)
_, _, Vt = np.linalg.svd(Ec, full_matrices=False)
P = Ec @ Vt[:2].T
axes[1].scatter(P[:, 0], P[:, 1], color="#4338ca")
for w, (x, y) in zip(words, P):
    axes[1].annotate(w, (x, y), textcoords="offset points", xytext=(5, 3), fontsize=9)
q = P[1] - P[0] + P[2]
axes[1].annotate("", xy=P[3], xytext=P[2], arrowprops=dict(arrowstyle="->", color="#c2410c"))
axes[1].annotate("", xy=P[1], xytext=P[0], arrowprops=dict(arrowstyle="->", color="#c2410c"))
axes[1].set(title="the same vectors, projected on two principal axes", xticks=[], yticks=[])
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
