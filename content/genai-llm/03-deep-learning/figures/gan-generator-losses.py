"""The generator's two losses as functions of D(G(z)): saturating versus non-saturating."""

import sys

import matplotlib.pyplot as plt
import numpy as np

d = np.linspace(0.001, 0.999, 500)
fig, axes = plt.subplots(1, 2, figsize=(9, 3.4))
axes[0].plot(d, np.log(1 - d), color="#6b7a99", label="saturating: minimise log(1 − D)")
axes[0].plot(d, -np.log(d), color="#4338ca", label="non-saturating: minimise −log D")
axes[0].set(xlabel="D(G(z)): how real the discriminator finds a fake", ylabel="generator loss",
            ylim=(-5, 5), title="Loss")
# gradients with respect to the discriminator's logit l, where D = sigmoid(l)
axes[1].plot(d, -d, color="#6b7a99", label="saturating: d/dl log(1 − D) = −D")
axes[1].plot(d, -(1 - d), color="#4338ca", label="non-saturating: d/dl (−log D) = −(1 − D)")
axes[1].axvspan(0, 0.1, color="#fdecea", alpha=0.8)
axes[1].text(0.11, -0.55, "early training:\nfakes are easy to spot", fontsize=8.5, color="#b42318")
axes[1].set(xlabel="D(G(z))", ylabel="gradient w.r.t. D's logit", title="Gradient")
for ax in axes:
    ax.legend(fontsize=8, loc="lower right" if ax is axes[1] else "upper center")
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
