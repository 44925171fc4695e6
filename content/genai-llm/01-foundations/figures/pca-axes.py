"""PCA on a 2-D point cloud: the principal axes, scaled by their standard deviations."""

import sys

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(7)
X = rng.normal(size=(300, 2)) @ np.array([[1.5, 0.7], [-0.5, 0.9]]) + np.array([1.0, -0.5])
mean = X.mean(axis=0)
values, vectors = np.linalg.eigh(np.cov(X - mean, rowvar=False))
order = np.argsort(values)[::-1]
values, vectors = values[order], vectors[:, order]

fig, ax = plt.subplots(figsize=(6, 5))
ax.scatter(X[:, 0], X[:, 1], s=10, alpha=0.45, color="#6b7a99", label="data")
for k, (colour, label) in enumerate([("#c2410c", "1st axis"), ("#4338ca", "2nd axis")]):
    axis = vectors[:, k] * 2 * np.sqrt(values[k])
    ax.annotate("", xy=mean + axis, xytext=mean,
                arrowprops=dict(arrowstyle="-|>", lw=2.5, color=colour))
    ax.text(*(mean + axis * 1.3), f"{label}\nvariance {values[k]:.2f}", color=colour,
            ha="center", va="center", fontsize=9)
ax.scatter(*mean, color="black", zorder=3, s=25, label="mean")
ax.set_aspect("equal", adjustable="datalim")
ax.set(title="Principal axes: eigenvectors of the covariance", xlabel="$x_1$", ylabel="$x_2$")
ax.legend(loc="lower right", fontsize=9)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
