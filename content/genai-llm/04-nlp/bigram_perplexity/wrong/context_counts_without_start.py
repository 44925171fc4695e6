"""count(prev) is the number of train bigrams that START with prev. Counting prev among the raw sentence tokens misses "<s>", which opens every wrapped sentence once: count it from the wrapped sentences, e.g. from the same bigrams you count for the numerator."""
import math
from collections import Counter
def bigram_perplexity(train, test, alpha=1.0):
    known = {t for s in train for t in s}
    V = len(known) + 2
    pairs = Counter()
    uni = Counter(t for s in train for t in s)
    for s in train:
        tokens = ["<s>", *s, "</s>"]
        pairs.update(zip(tokens, tokens[1:]))
    logs = []
    for s in test:
        tokens = ["<s>", *(t if t in known else "<unk>" for t in s), "</s>"]
        for prev, word in zip(tokens, tokens[1:]):
            logs.append(math.log((pairs[prev, word] + alpha) / (uni[prev] + alpha * V)))
    return math.exp(-sum(logs) / len(logs))
