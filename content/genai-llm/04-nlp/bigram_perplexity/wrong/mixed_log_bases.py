"""Exponentiate with the same base as the logarithm: exp(-mean of natural logs), or 2 ** (-mean of log2). Mixing the two, such as 2 ** (-mean of natural logs), gives a different number."""
import math
from collections import Counter


def bigram_perplexity(train, test, alpha=1.0):
    known = {t for s in train for t in s}
    V = len(known | {"</s>", "<unk>"})
    pairs, prevs = Counter(), Counter()
    for s in train:
        tokens = ["<s>", *s, "</s>"]
        for prev, word in zip(tokens, tokens[1:]):
            pairs[prev, word] += 1
            prevs[prev] += 1
    logs = []
    for s in test:
        tokens = ["<s>", *(t if t in known else "<unk>" for t in s), "</s>"]
        for prev, word in zip(tokens, tokens[1:]):
            logs.append(math.log((pairs[prev, word] + alpha) / (prevs[prev] + alpha * V)))
    return 2 ** (-sum(logs) / len(logs))
