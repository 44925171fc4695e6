"""Ties are broken the wrong way round: among pairs with the highest count, take the SMALLEST pair by tuple order. Taking the max of (count, pair) prefers the largest pair; use a key such as (-count, pair) with min()."""
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
        best = max(pairs, key=lambda pair: (pairs[pair], pair))
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
