"""Sennrich-style: words kept as space-joined strings, merges applied with a
boundary-aware regex."""

import re
from collections import defaultdict


def bpe_train(words, num_merges):
    vocab = {" ".join(word): count for word, count in words.items()}
    merges = []
    for _ in range(num_merges):
        stats = defaultdict(int)
        for joined, count in vocab.items():
            symbols = joined.split(" ")
            for i in range(len(symbols) - 1):
                stats[symbols[i], symbols[i + 1]] += count
        if not stats:
            break
        ranked = sorted(stats.items(), key=lambda item: (-item[1], item[0]))
        best = ranked[0][0]
        merges.append(best)
        pattern = re.compile(r"(?<!\S)" + re.escape(best[0] + " " + best[1]) + r"(?!\S)")
        new_vocab = defaultdict(int)
        for joined, count in vocab.items():
            new_vocab[pattern.sub(best[0] + best[1], joined)] += count
        vocab = dict(new_vocab)
    return merges
