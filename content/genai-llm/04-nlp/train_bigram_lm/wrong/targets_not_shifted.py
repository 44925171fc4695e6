"""A bigram model predicts the NEXT token: the pairs are (tokens[i], tokens[i + 1]), the inputs tokens[:-1] and the targets tokens[1:]. Using the same position as input and target teaches the model to copy its input."""
import numpy as np


def train_bigram_lm(tokens, vocab_size, lr, steps):
    V, M = vocab_size, len(tokens) - 1
    counts = np.zeros((V, V))
    np.add.at(counts, (tokens[:-1], tokens[:-1]), 1.0)
    W = np.zeros((V, V))
    losses = np.zeros(steps)
    for s in range(steps):
        z = W - W.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        losses[s] = -(counts * logp).sum() / M
        W = W - lr * (counts.sum(axis=1, keepdims=True) * np.exp(logp) - counts) / M
    return W, losses
