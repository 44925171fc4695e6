"""Nested defaultdicts of counts, unknown words mapped through a helper, math.fsum."""

import math
from collections import defaultdict


def bigram_perplexity(train: list, test: list, alpha: float = 1.0) -> float:
    seen = set()
    for sentence in train:
        seen.update(sentence)
    V = len(seen) + 2

    follow = defaultdict(lambda: defaultdict(int))
    for sentence in train:
        prev = "<s>"
        for tok in list(sentence) + ["</s>"]:
            follow[prev][tok] += 1
            prev = tok

    def lookup(tok):
        return tok if tok in seen else "<unk>"

    logs = []
    for sentence in test:
        prev = "<s>"
        for tok in [lookup(t) for t in sentence] + ["</s>"]:
            row = follow.get(prev, {})
            total = sum(row.values())
            logs.append(math.log(row.get(tok, 0) + alpha) - math.log(total + alpha * V))
            prev = tok
    return math.exp(-math.fsum(logs) / len(logs))
