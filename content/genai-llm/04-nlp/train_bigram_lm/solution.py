import numpy as np


def train_bigram_lm(
    tokens: np.ndarray, vocab_size: int, lr: float, steps: int
) -> tuple[np.ndarray, np.ndarray]:
    V = vocab_size
    prev, nxt = tokens[:-1], tokens[1:]  # the N - 1 training pairs, no wrap-around
    M = len(prev)
    # The loss only depends on how often each pair occurs: counts[i, j] = #(i followed by j).
    counts = np.zeros((V, V))
    np.add.at(counts, (prev, nxt), 1.0)
    row_totals = counts.sum(axis=1, keepdims=True)
    W = np.zeros((V, V))
    losses = np.zeros(steps)
    for step in range(steps):
        shifted = W - W.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        losses[step] = -(counts * log_probs).sum() / M  # the loss BEFORE this update
        # d/dW[i] of the mean NLL: (count(i) * softmax(W[i]) - counts[i]) / M
        grad = (row_totals * np.exp(log_probs) - counts) / M
        W = W - lr * grad
    return W, losses
