"""The edit-distance table for "kitten" → "sitting", with one optimal path traced back."""

import sys

import matplotlib.pyplot as plt
import numpy as np

a, b = "kitten", "sitting"
D = np.zeros((len(a) + 1, len(b) + 1), dtype=int)
D[:, 0] = np.arange(len(a) + 1)
D[0, :] = np.arange(len(b) + 1)
for i in range(1, len(a) + 1):
    for j in range(1, len(b) + 1):
        D[i, j] = min(D[i - 1, j] + 1, D[i, j - 1] + 1, D[i - 1, j - 1] + (a[i - 1] != b[j - 1]))

path, i, j = [(len(a), len(b))], len(a), len(b)
while i > 0 or j > 0:
    if i > 0 and j > 0 and D[i, j] == D[i - 1, j - 1] + (a[i - 1] != b[j - 1]):
        i, j = i - 1, j - 1
    elif i > 0 and D[i, j] == D[i - 1, j] + 1:
        i -= 1
    else:
        j -= 1
    path.append((i, j))

fig, ax = plt.subplots(figsize=(6.4, 5.4))
ax.imshow(D, cmap="Blues", alpha=0.55)
for (r, c) in path:
    ax.add_patch(plt.Rectangle((c - 0.5, r - 0.5), 1, 1, fill=False, lw=2.2, color="#c2410c"))
for r in range(D.shape[0]):
    for c in range(D.shape[1]):
        ax.text(c, r, D[r, c], ha="center", va="center", fontsize=11)
ax.set_xticks(range(len(b) + 1), ["ε"] + list(b))
ax.set_yticks(range(len(a) + 1), ["ε"] + list(a))
ax.xaxis.tick_top()
ax.set_title(f"D[i, j] = distance between prefixes; D[{len(a)}, {len(b)}] = {D[-1, -1]}", pad=28)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
