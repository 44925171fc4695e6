"""Top-p (nucleus) filtering: sorted probabilities, their running sum, and the cut-off."""

import sys

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1)
logits = np.sort(rng.normal(0, 1.6, 20))[::-1]
p = np.exp(logits - logits.max())
p /= p.sum()
cumulative = np.cumsum(p)
top_p = 0.8
keep = int(np.searchsorted(cumulative, top_p) + 1)  # smallest prefix reaching top_p

fig, ax = plt.subplots(figsize=(9, 3.8))
ranks = np.arange(1, len(p) + 1)
ax.bar(ranks, p, color=["#4338ca" if r <= keep else "#c5cad3" for r in ranks],
       label="probability (kept in blue)")
ax2 = ax.twinx()
ax2.step(ranks, cumulative, where="mid", color="#c2410c", label="running sum")
ax2.axhline(top_p, color="#c2410c", ls="--", lw=1)
ax2.text(len(p), top_p - 0.03, f"top_p = {top_p}", color="#c2410c", va="top", ha="right", fontsize=9)
ax2.set_ylim(0, 1.05)
ax.axvline(keep + 0.5, color="#1b2330", lw=1)
ax.text(keep + 0.7, p.max() * 0.42, f"keep the {keep} most likely tokens:\nthe smallest set whose "
        f"mass reaches {top_p}\n(here {cumulative[keep - 1]:.2f}), then renormalise", fontsize=8.5)
ax.set(xlabel="tokens sorted by probability", ylabel="probability", xticks=ranks[::2])
ax2.set_ylabel("cumulative probability", color="#c2410c")
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
