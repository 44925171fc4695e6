"""The model must also predict where each sentence ends: the bigram (last word, "</s>") is one more prediction, for training counts and for the test mean alike. Wrap every sentence as "<s>" ... "</s>"."""
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
        tokens = ["<s>", *(t if t in known else "<unk>" for t in s)]
        for prev, word in zip(tokens, tokens[1:]):
            logs.append(math.log((pairs[prev, word] + alpha) / (prevs[prev] + alpha * V)))
    return math.exp(-sum(logs) / len(logs))
