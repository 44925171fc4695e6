"""Logistic regression on separable data: without a penalty ‖w‖ grows without bound."""

import sys

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(3)
X = np.vstack([rng.normal([-1.5, -1.0], 0.6, (40, 2)), rng.normal([1.5, 1.0], 0.6, (40, 2))])
y = np.r_[np.zeros(40), np.ones(40)]


def train(lam, steps=20000, lr=0.5):
    w, norms, losses = np.zeros(2), [], []
    for _ in range(steps):
        z = X @ w
        p = 1 / (1 + np.exp(-z))
        losses.append(np.mean(np.logaddexp(0, z) - y * z))
        w -= lr * (X.T @ (p - y) / len(y) + 2 * lam * w)
        norms.append(np.linalg.norm(w))
    return np.array(norms), np.array(losses)


fig, axes = plt.subplots(1, 2, figsize=(9, 3.4))
steps = np.arange(1, 20001)
for lam, colour, label in [(0.0, "#c2410c", "no penalty"), (0.01, "#4338ca", "L2, λ = 0.01")]:
    norms, losses = train(lam)
    axes[0].plot(steps, norms, color=colour, label=label)
    axes[1].plot(steps, losses, color=colour, label=label)
axes[0].set(xscale="log", xlabel="step", ylabel="‖w‖", title="Weight norm")
axes[1].set(xscale="log", yscale="log", xlabel="step", ylabel="training loss (data term)",
            title="Loss keeps falling towards 0")
for ax in axes:
    ax.legend(fontsize=9)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
