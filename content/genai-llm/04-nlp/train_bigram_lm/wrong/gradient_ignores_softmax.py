"""The gradient of -log softmax(W[i])[j] with respect to W[i] is softmax(W[i]) - onehot(j): the predicted probabilities minus the target. Leaving out the softmax part (only -onehot) pushes the right logits up forever but never pushes the wrong ones down."""
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
        W = W + lr * counts / M
    return W, losses
