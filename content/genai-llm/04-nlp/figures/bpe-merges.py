"""Byte-pair encoding on a small corpus: vocabulary size and sequence length per merge."""

import sys
from collections import Counter

import matplotlib.pyplot as plt

text = ("the cat sat on the mat . the cat ate the rat . a fat cat and a thin rat sat "
        "together on the flat mat . that cat is the fattest cat in the hat") * 3
words = Counter(text.split())
corpus = {tuple(w): n for w, n in words.items()}
vocab = {s for w in corpus for s in w}
lengths, sizes, labels = [sum(len(w) * n for w, n in corpus.items())], [len(vocab)], []
for _ in range(24):
    pairs = Counter()
    for w, n in corpus.items():
        for a, b in zip(w, w[1:]):
            pairs[a, b] += n
    if not pairs:
        break
    best = max(pairs, key=lambda p: (pairs[p], [-ord(ch) for ch in p[0] + p[1]]))
    merged = {}
    for w, n in corpus.items():
        out, i = [], 0
        while i < len(w):
            if i + 1 < len(w) and (w[i], w[i + 1]) == best:
                out.append(w[i] + w[i + 1])
                i += 2
            else:
                out.append(w[i])
                i += 1
        merged[tuple(out)] = merged.get(tuple(out), 0) + n
    corpus = merged
    vocab.add(best[0] + best[1])
    labels.append(best[0] + best[1])
    lengths.append(sum(len(w) * n for w, n in corpus.items()))
    sizes.append(len(vocab))

fig, ax = plt.subplots(figsize=(9, 3.8))
ax.plot(lengths, "o-", color="#4338ca", label="corpus length in symbols")
ax.set(xlabel="merges", ylabel="symbols in the corpus",
       title="Each merge adds one symbol to the vocabulary and shortens the corpus")
for k, label in enumerate(labels[:10], start=1):
    ax.annotate(f"'{label}'", (k, lengths[k]), textcoords="offset points", xytext=(4, 6),
                fontsize=8, rotation=45)
ax2 = ax.twinx()
ax2.plot(sizes, "s--", color="#c2410c", ms=3, label="vocabulary size")
ax2.set_ylabel("vocabulary size", color="#c2410c")
ax.legend(loc="upper right", fontsize=8)
ax2.legend(loc="center right", fontsize=8)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
