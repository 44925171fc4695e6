"""Return each merge as the pair that was merged, a tuple (left, right) such as ("l", "o"), not the new symbol "lo": the pair is what a tokeniser needs to replay the merges."""
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
        merges.append(best[0] + best[1])
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
