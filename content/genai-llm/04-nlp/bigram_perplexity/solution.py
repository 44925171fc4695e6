import math
from collections import Counter

BOS, EOS, UNK = "<s>", "</s>", "<unk>"


def bigram_perplexity(train: list[list[str]], test: list[list[str]], alpha: float = 1.0) -> float:
    known = {token for sentence in train for token in sentence}
    vocab_size = len(known | {EOS, UNK})  # "<s>" is never predicted, so it is not in V

    pair_counts: Counter = Counter()
    prev_counts: Counter = Counter()  # bigrams whose first token is prev
    for sentence in train:
        tokens = [BOS, *sentence, EOS]
        for prev, word in zip(tokens, tokens[1:]):
            pair_counts[prev, word] += 1
            prev_counts[prev] += 1

    total_log_prob = 0.0
    predicted = 0
    for sentence in test:
        tokens = [BOS, *(token if token in known else UNK for token in sentence), EOS]
        for prev, word in zip(tokens, tokens[1:]):
            prob = (pair_counts[prev, word] + alpha) / (prev_counts[prev] + alpha * vocab_size)
            total_log_prob += math.log(prob)
            predicted += 1
    return math.exp(-total_log_prob / predicted)
