"""The text is not circular: there are N - 1 pairs (tokens[i], tokens[i + 1]) for i = 0 .. N - 2. Adding the pair (last token, first token) trains on a transition that never occurs and changes the mean."""
import numpy as np


def train_bigram_lm(tokens, vocab_size, lr, steps):
    V = vocab_size
    nxt = np.roll(tokens, -1)
    M = len(tokens)
    counts = np.zeros((V, V))
    np.add.at(counts, (tokens, nxt), 1.0)
    W = np.zeros((V, V))
    losses = np.zeros(steps)
    for s in range(steps):
        z = W - W.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        losses[s] = -(counts * logp).sum() / M
        W = W - lr * (counts.sum(axis=1, keepdims=True) * np.exp(logp) - counts) / M
    return W, losses
