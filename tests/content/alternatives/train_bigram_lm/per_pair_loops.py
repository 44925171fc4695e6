import math

import numpy as np


def train_bigram_lm(tokens, vocab_size, lr, steps):
    pairs = [(int(a), int(b)) for a, b in zip(tokens[:-1], tokens[1:])]
    V = vocab_size
    W = [[0.0] * V for _ in range(V)]
    losses = []
    for _ in range(steps):
        grad = [[0.0] * V for _ in range(V)]
        total = 0.0
        for a, b in pairs:
            row = W[a]
            top = max(row)
            exps = [math.exp(v - top) for v in row]
            norm = sum(exps)
            total -= (row[b] - top) - math.log(norm)
            for j in range(V):
                grad[a][j] += exps[j] / norm
            grad[a][b] -= 1.0
        losses.append(total / len(pairs))
        for i in range(V):
            for j in range(V):
                W[i][j] -= lr * grad[i][j] / len(pairs)
    return np.array(W, dtype=np.float64).reshape(V, V), np.array(losses, dtype=np.float64)
