"""A pair that occurs several times in one word must be counted once per occurrence: "aaa" holds ("a", "a") twice, "abab" holds ("a", "b") twice. Collecting a word's pairs into a set loses the repeats; count every adjacent position."""
from collections import Counter


def bpe_train(words, num_merges):
    vocab = [(list(word), count) for word, count in words.items()]
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for symbols, count in vocab:
            for pair in set(zip(symbols, symbols[1:])):
                pairs[pair] += count
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
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
