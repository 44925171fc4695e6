"""Each word stands for `count` occurrences in the corpus, so every pair inside it must be counted `count` times, not once. Add the word's count, not 1, for each adjacent pair."""


def bpe_train(words, num_merges):
    vocab = [list(word) for word in words]
    merges = []
    for _ in range(num_merges):
        pairs = {}
        for symbols in vocab:
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] = pairs.get(pair, 0) + 1
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        new_vocab = []
        for symbols in vocab:
            out, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    out.append(best[0] + best[1])
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            new_vocab.append(out)
        vocab = new_vocab
    return merges
