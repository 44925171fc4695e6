"""Three rounds of Lloyd's algorithm (k-means) from a poor start."""

import sys

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(11)
centres = np.array([[0.0, 0.0], [4.0, 0.5], [2.0, 3.5]])
X = np.vstack([rng.normal(c, 0.7, (60, 2)) for c in centres])
C = np.array([[0.5, 3.5], [1.0, 3.0], [1.5, 3.2]])  # all three start in one corner
colours = np.array(["#4338ca", "#c2410c", "#15803d"])

fig, axes = plt.subplots(1, 4, figsize=(12, 3.3), sharex=True, sharey=True)
for step, ax in enumerate(axes):
    d = ((X[:, None, :] - C[None, :, :]) ** 2).sum(-1)
    labels = d.argmin(axis=1)
    J = d[np.arange(len(X)), labels].sum()
    ax.scatter(X[:, 0], X[:, 1], s=8, c=colours[labels], alpha=0.55)
    ax.scatter(C[:, 0], C[:, 1], s=150, c=colours, marker="X", edgecolor="black")
    ax.set_title(f"step {step}: J = {J:.0f}", fontsize=10)
    new = np.array([X[labels == k].mean(axis=0) for k in range(3)])
    for k in range(3):
        ax.annotate("", xy=new[k], xytext=C[k], arrowprops=dict(arrowstyle="->", color="black"))
    C = new
fig.suptitle("assign each point to its nearest centroid (colour), then move each centroid "
             "to the mean of its points (arrow)", fontsize=10)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
