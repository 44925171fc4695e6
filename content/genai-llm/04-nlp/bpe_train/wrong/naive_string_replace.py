"""Replacing "l r" by "lr" in the space-joined word also matches inside longer symbols: with symbols "ca b", replacing "a b" glues "ca" and "b" together although ("a", "b") is not a pair there. Compare whole symbols (work on a list), or make the pattern match only at symbol boundaries."""
from collections import Counter


def bpe_train(words, num_merges):
    vocab = {" ".join(word): count for word, count in words.items()}
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for joined, count in vocab.items():
            symbols = joined.split()
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += count
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        old, new = " ".join(best), "".join(best)
        merged = Counter()
        for joined, count in vocab.items():
            merged[joined.replace(old, new)] += count
        vocab = merged
    return merges
