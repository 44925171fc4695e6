"""A small model object with fit / logprob, as a library would structure it."""

import math
from collections import Counter


class BigramLM:
    BOS, EOS, UNK = "<s>", "</s>", "<unk>"

    def __init__(self, alpha):
        self.alpha = alpha

    def fit(self, sentences):
        self.vocab = {t for s in sentences for t in s} | {self.EOS, self.UNK}
        self.bigrams = Counter()
        self.contexts = Counter()
        for s in sentences:
            padded = [self.BOS] + list(s) + [self.EOS]
            self.bigrams.update(zip(padded, padded[1:], strict=False))
            self.contexts.update(padded[:-1])
        return self

    def normalise(self, sentence):
        return [t if t in self.vocab else self.UNK for t in sentence]

    def logprob(self, prev, word):
        num = self.bigrams[(prev, word)] + self.alpha
        den = self.contexts[prev] + self.alpha * len(self.vocab)
        return math.log(num / den)

    def perplexity(self, sentences):
        total, n = 0.0, 0
        for s in sentences:
            padded = [self.BOS] + self.normalise(s) + [self.EOS]
            for prev, word in zip(padded, padded[1:], strict=False):
                total += self.logprob(prev, word)
                n += 1
        return math.exp(-total / n)


def bigram_perplexity(train, test, alpha=1.0):
    return BigramLM(alpha).fit(train).perplexity(test)
