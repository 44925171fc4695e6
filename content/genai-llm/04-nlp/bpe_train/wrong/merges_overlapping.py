"""Merging must not reuse a symbol: in "a a a", merging ("a", "a") gives "aa a" (left to right, each symbol joins at most one merge), not two overlapping "aa". Find the matches while you rewrite the word, and after a match skip past both symbols you just joined."""
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
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        new_vocab = []
        for symbols, count in vocab:
            starts = {i for i in range(len(symbols) - 1) if (symbols[i], symbols[i + 1]) == best}
            out = []
            for i, symbol in enumerate(symbols):
                if i in starts:
                    out.append(best[0] + best[1])
                elif i - 1 not in starts:
                    out.append(symbol)
            new_vocab.append((out, count))
        vocab = new_vocab
    return merges
