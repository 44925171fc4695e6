"""Gradient descent on an elongated quadratic bowl with three learning rates."""

import sys

import matplotlib.pyplot as plt
import numpy as np

A = np.array([[1.0, 0.0], [0.0, 10.0]])  # curvatures 1 and 10


def loss(w):
    return 0.5 * w @ A @ w


fig, ax = plt.subplots(figsize=(7, 4))
g = np.linspace(-3.2, 3.2, 200)
W1, W2 = np.meshgrid(g, np.linspace(-1.6, 1.6, 200))
Z = 0.5 * (A[0, 0] * W1**2 + A[1, 1] * W2**2)
ax.contour(W1, W2, Z, levels=[0.1, 0.5, 1, 2, 4, 8], colors="#c5cad3", linewidths=1)
for lr, colour in [(0.05, "#6b7a99"), (0.15, "#4338ca"), (0.195, "#c2410c")]:
    w = np.array([-3.0, 1.2])
    path = [w]
    for _ in range(25):
        w = w - lr * (A @ w)
        path.append(w)
    path = np.array(path)
    ax.plot(path[:, 0], path[:, 1], "o-", ms=3, lw=1.2, color=colour,
            label=f"lr = {lr}: loss after 25 steps {loss(path[-1]):.3f}")
ax.plot(0, 0, "k*", ms=10)
ax.set(title="Learning rate vs curvature: lr must stay below 2 / 10 here",
       xlabel="$w_1$ (curvature 1)", ylabel="$w_2$ (curvature 10)")
ax.legend(fontsize=8, loc="lower right")
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
