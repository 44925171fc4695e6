import numpy as np


def train_bigram_lm(tokens, vocab_size, lr, steps):
    eye = np.eye(vocab_size)
    X = eye[tokens[:-1]]  # (M, V) one-hot inputs
    Y = eye[tokens[1:]]  # (M, V) one-hot targets
    M = X.shape[0]
    W = np.zeros((vocab_size, vocab_size))
    losses = np.empty(steps)
    for s in range(steps):
        logits = X @ W
        logits = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        losses[s] = -np.sum(Y * np.log(probs)) / M
        W -= lr * (X.T @ (probs - Y)) / M
    return W, losses
