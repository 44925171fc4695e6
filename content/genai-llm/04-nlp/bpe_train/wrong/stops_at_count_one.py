"""A pair that occurs only once is still the best pair when nothing occurs more often. Keep merging until num_merges merges are made or no pair is left at all; there is no minimum count."""
from collections import Counter
def bpe_train(words, num_merges):
    vocab = [(list(w), c) for w, c in words.items()]
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for s, c in vocab:
            for p in zip(s, s[1:]):
                pairs[p] += c
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        if pairs[best] < 2:
            break
        merges.append(best)
        nv = []
        for s, c in vocab:
            out = []; i = 0
            while i < len(s):
                if i + 1 < len(s) and (s[i], s[i+1]) == best:
                    out.append(best[0] + best[1]); i += 2
                else:
                    out.append(s[i]); i += 1
            nv.append((out, c))
        vocab = nv
    return merges
