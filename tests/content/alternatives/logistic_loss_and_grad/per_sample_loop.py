import math

import numpy as np


def logistic_loss_and_grad(w, X, y):
    n, d = X.shape
    total = 0.0
    grad = np.zeros(d)
    for i in range(n):
        z = float(np.dot(X[i], w))
        if z >= 0:
            log1pexp = z + math.log1p(math.exp(-z))
            p = 1.0 / (1.0 + math.exp(-z))
        else:
            log1pexp = math.log1p(math.exp(z))
            p = math.exp(z) / (1.0 + math.exp(z))
        total += log1pexp - y[i] * z
        grad += (p - y[i]) * X[i]
    return [total / n, grad / n]
