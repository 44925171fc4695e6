import numpy as np


def train_bigram_lm(tokens: np.ndarray, vocab_size: int, lr: float, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """Train a bigram language model by full-batch gradient descent, in float64.

    tokens (N,) int64 with values in [0, vocab_size); the training pairs are
    (tokens[i], tokens[i + 1]) for i = 0 .. N - 2. W (V, V) starts at zeros and
    P(next = j | prev = i) = softmax(W[i])[j]. At each step s: losses[s] = the mean
    negative log-likelihood over the pairs, then W -= lr * its gradient.

    Returns (W after `steps` updates, losses of shape (steps,)).
    """
    raise NotImplementedError("implement train_bigram_lm")
