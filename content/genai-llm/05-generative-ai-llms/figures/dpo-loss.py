"""The DPO (and reward-model) loss −log σ(β·margin), and its gradient weight."""

import sys

import matplotlib.pyplot as plt
import numpy as np

margin = np.linspace(-6, 6, 400)  # log-ratio(chosen) − log-ratio(rejected)
fig, axes = plt.subplots(1, 2, figsize=(9.5, 3.6))
for beta, colour in [(0.1, "#6b7a99"), (0.5, "#4338ca"), (2.0, "#c2410c")]:
    z = beta * margin
    axes[0].plot(margin, np.logaddexp(0, -z), color=colour, label=f"β = {beta}")
    axes[1].plot(margin, beta / (1 + np.exp(z)), color=colour, label=f"β = {beta}")
axes[0].set(xlabel="margin: chosen minus rejected log-ratio", ylabel="loss",
            title="−log σ(β · margin)")
axes[1].set(xlabel="margin", ylabel="|d loss / d margin| = β σ(−β · margin)",
            title="pairs already ranked right stop pulling")
for ax in axes:
    ax.axvline(0, color="#c5cad3", lw=0.8)
    ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
