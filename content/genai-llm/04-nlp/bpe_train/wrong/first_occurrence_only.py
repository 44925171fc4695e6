"""A merge applies to every occurrence of the pair in every word, not only the first one in each word. Keep scanning the rest of the word after a match."""
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
            symbols = list(symbols)
            for i in range(len(symbols) - 1):
                if (symbols[i], symbols[i + 1]) == best:
                    symbols[i : i + 2] = [best[0] + best[1]]
                    break
            new_vocab.append((symbols, count))
        vocab = new_vocab
    return merges
