"""Merges scan each word from the LEFT: merging ("a", "a") turns "a a a" into "aa a", not "a aa". Which end you start from decides which symbols later merges can see."""
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
        merges.append(best)
        nv = []
        for s, c in vocab:
            out = []; i = len(s) - 1
            while i >= 0:
                if i >= 1 and (s[i-1], s[i]) == best:
                    out.append(best[0] + best[1]); i -= 2
                else:
                    out.append(s[i]); i -= 1
            nv.append((out[::-1], c))
        vocab = nv
    return merges
