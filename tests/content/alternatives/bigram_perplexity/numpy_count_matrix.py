"""A count matrix over the vocabulary, filled with np.add.at; vectorised log-probabilities."""

import numpy as np


def bigram_perplexity(train, test, alpha=1.0):
    tokens = sorted({t for s in train for t in s})
    index = {t: i for i, t in enumerate(tokens)}
    unk, eos, bos = len(tokens), len(tokens) + 1, len(tokens) + 2
    vocab_size = len(tokens) + 2

    def ids(sentence):
        return [bos] + [index.get(t, unk) for t in sentence] + [eos]

    counts = np.zeros((vocab_size + 1, vocab_size))  # rows: contexts incl. <s>; cols: V
    for sentence in train:
        seq = np.array(ids(sentence))
        np.add.at(counts, (seq[:-1], seq[1:]), 1.0)
    probs = (counts + alpha) / (counts.sum(axis=1, keepdims=True) + alpha * vocab_size)

    prev, nxt = [], []
    for sentence in test:
        seq = ids(sentence)
        prev += seq[:-1]
        nxt += seq[1:]
    return np.exp(-np.mean(np.log(probs[prev, nxt])))
