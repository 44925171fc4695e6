"""Bigram probabilities of the next character given the previous one, from a short text."""

import sys

import matplotlib.pyplot as plt
import numpy as np

text = ("the quick brown fox jumps over the lazy dog and then the dog sleeps in the sun while "
        "the fox hunts in the woods near the river where the water runs cold and deep")
chars = sorted(set(text))
index = {c: i for i, c in enumerate(chars)}
counts = np.zeros((len(chars), len(chars)))
for a, b in zip(text, text[1:]):
    counts[index[a], index[b]] += 1
alpha = 0.1
P = (counts + alpha) / (counts + alpha).sum(axis=1, keepdims=True)

fig, ax = plt.subplots(figsize=(7.2, 6.4))
im = ax.imshow(P, cmap="Blues")
labels = ["␣" if c == " " else c for c in chars]
ax.set_xticks(range(len(chars)), labels, fontsize=8)
ax.set_yticks(range(len(chars)), labels, fontsize=8)
ax.set(xlabel="next character", ylabel="previous character",
       title=f"P(next | previous), add-{alpha} smoothing: each row sums to 1")
fig.colorbar(im, ax=ax, fraction=0.046)
r = index["t"]
ax.add_patch(plt.Rectangle((-0.5, r - 0.5), len(chars), 1, fill=False, color="#c2410c", lw=1.5))
ax.text(len(chars) - 0.4, r, " after 't':\n mostly 'h'", va="center", fontsize=8, color="#c2410c")
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
