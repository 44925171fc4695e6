"""The forward (noising) process on a 2-D data set, with a linear β schedule."""

import sys

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
n = 1500
theta = rng.uniform(0.5, 3.5 * np.pi, n)
x0 = np.c_[theta * np.cos(theta), theta * np.sin(theta)] / 5 + rng.normal(0, 0.03, (n, 2))
T = 1000
betas = np.linspace(1e-4, 0.02, T)
alpha_bar = np.cumprod(1 - betas)
eps = rng.normal(size=(n, 2))

steps = [0, 50, 150, 300, 600, 1000]  # 1-based, as in the lesson; 0 is the data itself
fig, axes = plt.subplots(1, len(steps) + 1, figsize=(14, 2.6),
                         gridspec_kw={"width_ratios": [1] * len(steps) + [1.5]})
for ax, t in zip(axes, steps):
    a = alpha_bar[t - 1] if t else 1.0
    xt = np.sqrt(a) * x0 + np.sqrt(1 - a) * eps
    ax.scatter(xt[:, 0], xt[:, 1], s=1, color="#4338ca", alpha=0.5)
    ax.set(xlim=(-3, 3), ylim=(-3, 3), xticks=[], yticks=[])
    ax.set_title(f"t = {t}\nᾱ_t = {a:.3f}" if t else "data x₀", fontsize=9)
    ax.set_aspect("equal")
ax = axes[-1]
ax.plot(np.arange(1, T + 1), np.sqrt(alpha_bar), label="√ᾱ_t (signal)", color="#4338ca")
ax.plot(np.arange(1, T + 1), np.sqrt(1 - alpha_bar), label="√(1 − ᾱ_t) (noise)", color="#c2410c")
ax.set(xlabel="t", title="coefficients of x₀ and ε")
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
