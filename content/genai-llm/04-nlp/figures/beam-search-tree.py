"""Beam search with beam width 2 on a toy next-token model, drawn as a tree."""

import sys
from math import log

import matplotlib.pyplot as plt

# P(next | prefix) for a toy model; unseen prefixes end the sequence.
model = {
    (): {"the": 0.5, "a": 0.4, "one": 0.1},
    ("the",): {"cat": 0.4, "dog": 0.35, "end": 0.25},
    ("a",): {"cat": 0.9, "dog": 0.05, "end": 0.05},
    ("one",): {"cat": 0.6, "dog": 0.4},
    ("the", "cat"): {"sat": 0.6, "end": 0.4},
    ("the", "dog"): {"sat": 0.5, "end": 0.5},
    ("a", "cat"): {"sat": 0.7, "end": 0.3},
    ("a", "dog"): {"sat": 0.9, "end": 0.1},
}
beam, width, positions, edges, kept = [((), 0.0)], 2, {(): (0, 0)}, [], {()}
for depth in range(1, 4):
    candidates = []
    for prefix, score in beam:
        for token, p in model.get(prefix, {}).items():
            candidates.append((prefix + (token,), score + log(p)))
    candidates.sort(key=lambda c: -c[1])
    for rank, (seq, score) in enumerate(candidates):
        positions[seq] = (depth, -rank)
        edges.append((seq[:-1], seq, score))
    beam = [c for c in candidates[:width] if c[0][-1] != "end"]
    kept |= {seq for seq, _ in candidates[:width]}

fig, ax = plt.subplots(figsize=(10, 4.8))
for parent, child, score in edges:
    (x0, y0), (x1, y1) = positions[parent], positions[child]
    on = child in kept
    ax.plot([x0, x1], [y0, y1], color="#4338ca" if on else "#c5cad3", lw=2 if on else 1, zorder=1)
    ax.text(x1, y1, f" {child[-1]}\n log p = {score:.2f}", fontsize=8, va="center",
            color="#1b2330" if on else "#9aa3b2",
            bbox=dict(boxstyle="round", fc="#eef0ff" if on else "white",
                      ec="#4338ca" if on else "#c5cad3"))
ax.text(0, 0, "start ", ha="right", va="center", fontsize=9)
ax.set(xlim=(-0.4, 3.8), xticks=[1, 2, 3], xticklabels=["step 1", "step 2", "step 3"], yticks=[],
       title="Beam width 2: every step keeps the 2 best prefixes by total log-probability (blue)")
for side in ("left", "right", "top"):
    ax.spines[side].set_visible(False)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
