"""Common activation functions and their derivatives."""

import sys
from math import erf, pi, sqrt

import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-5, 5, 401)
sig = 1 / (1 + np.exp(-x))
phi = 0.5 * (1 + np.vectorize(erf)(x / sqrt(2)))
functions = {
    "sigmoid": (sig, sig * (1 - sig)),
    "tanh": (np.tanh(x), 1 - np.tanh(x) ** 2),
    "ReLU": (np.maximum(x, 0), (x > 0).astype(float)),
    "GELU": (x * phi, phi + x * np.exp(-x**2 / 2) / sqrt(2 * pi)),
}
fig, axes = plt.subplots(1, 2, figsize=(9, 3.4))
for (name, (f, df)), colour in zip(functions.items(), ["#6b7a99", "#15803d", "#c2410c", "#4338ca"]):
    axes[0].plot(x, f, label=name, color=colour)
    axes[1].plot(x, df, label=name, color=colour)
axes[0].set(title="activation", ylim=(-1.5, 3))
axes[1].set(title="derivative: sigmoid's is at most 0.25", ylim=(-0.2, 1.2))
for ax in axes:
    ax.axhline(0, color="#c5cad3", lw=0.8)
    ax.axvline(0, color="#c5cad3", lw=0.8)
    ax.set_xlabel("x")
    ax.legend(fontsize=9)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
