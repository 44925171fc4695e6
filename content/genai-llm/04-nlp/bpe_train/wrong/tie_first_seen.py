"""When several pairs share the highest count, the winner is the smallest pair by tuple order (compare the left symbols, then the right ones), not whichever pair was seen first. Counter.most_common and max() both keep the first one they meet; make the pair itself part of the sort key."""
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
        best = pairs.most_common(1)[0][0]
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
