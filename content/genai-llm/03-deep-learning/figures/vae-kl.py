"""The Gaussian KL term for one latent dimension, as a function of μ and σ."""

import sys

import matplotlib.pyplot as plt
import numpy as np

mu = np.linspace(-3, 3, 300)
sigma = np.linspace(0.05, 3, 300)
M, S = np.meshgrid(mu, sigma)
KL = 0.5 * (M**2 + S**2 - 1 - np.log(S**2))

fig, axes = plt.subplots(1, 2, figsize=(9.5, 3.6))
cs = axes[0].contourf(M, S, KL, levels=[0, 0.1, 0.25, 0.5, 1, 2, 4, 8], cmap="Blues")
axes[0].plot(0, 1, "o", color="#c2410c")
axes[0].annotate("KL = 0 at μ = 0, σ = 1\n(the prior itself)", (0, 1), (0.6, 2.3),
                 arrowprops=dict(arrowstyle="->"), fontsize=8.5)
fig.colorbar(cs, ax=axes[0], label="KL(q ‖ p)")
axes[0].set(xlabel="μ", ylabel="σ", title="KL(N(μ, σ²) ‖ N(0, 1))")
z = np.linspace(-4, 4, 400)
for m, s, colour in [(0, 1, "#1b2330"), (1.5, 0.4, "#4338ca"), (-1, 2, "#15803d")]:
    kl = 0.5 * (m**2 + s**2 - 1 - np.log(s**2))
    axes[1].plot(z, np.exp(-(z - m) ** 2 / (2 * s**2)) / (s * np.sqrt(2 * np.pi)), color=colour,
                 label=f"μ = {m}, σ = {s}: KL = {kl:.2f}")
axes[1].set(xlabel="z", ylabel="density", title="Encoders' posteriors against the prior N(0, 1)")
axes[1].legend(fontsize=8)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
