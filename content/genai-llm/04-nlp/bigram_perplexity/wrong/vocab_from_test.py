"""The vocabulary belongs to the model, so it comes from the training data only: V is the train tokens plus "</s>" and "<unk>". Test words the model never saw all become the single token "<unk>"; they must not make |V| bigger."""
import math
from collections import Counter


def bigram_perplexity(train, test, alpha=1.0):
    vocab = {t for s in train + test for t in s} | {"</s>", "<unk>"}
    V = len(vocab)
    pairs, prevs = Counter(), Counter()
    for s in train:
        tokens = ["<s>", *s, "</s>"]
        for prev, word in zip(tokens, tokens[1:]):
            pairs[prev, word] += 1
            prevs[prev] += 1
    logs = []
    for s in test:
        tokens = ["<s>", *s, "</s>"]
        for prev, word in zip(tokens, tokens[1:]):
            logs.append(math.log((pairs[prev, word] + alpha) / (prevs[prev] + alpha * V)))
    return math.exp(-sum(logs) / len(logs))
