"""The pair counts change after every merge: the merged pair disappears and new pairs with the merged symbol appear. Count the pairs again from the current words at the start of every step instead of ranking the pairs of the raw characters once."""
from collections import Counter


def bpe_train(words, num_merges):
    pairs = Counter()
    for word, count in words.items():
        for pair in zip(word, word[1:]):
            pairs[pair] += count
    ranked = sorted(pairs, key=lambda pair: (-pairs[pair], pair))
    return ranked[:num_merges]
