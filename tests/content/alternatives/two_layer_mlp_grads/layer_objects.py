import numpy as np


class Linear:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return x @ self.W + self.b

    def backward(self, g):
        self.dW = self.x.T @ g
        self.db = g.sum(axis=0)
        return g @ self.W.T


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, g):
        return g * self.mask


class SoftmaxCrossEntropy:
    def forward(self, logits, y):
        z = logits - logits.max(axis=1, keepdims=True)
        self.log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        self.y = y
        return -np.take_along_axis(self.log_p, y[:, None], axis=1).mean()

    def backward(self):
        n = len(self.y)
        g = np.exp(self.log_p)
        g[np.arange(n), self.y] -= 1
        return g / n


def two_layer_mlp_grads(X, y, W1, b1, W2, b2):
    fc1, act, fc2, crit = Linear(W1, b1), ReLU(), Linear(W2, b2), SoftmaxCrossEntropy()
    loss = crit.forward(fc2.forward(act.forward(fc1.forward(X))), y)
    fc1.backward(act.backward(fc2.backward(crit.backward())))
    return {"loss": float(loss), "W1": fc1.dW, "b1": fc1.db, "W2": fc2.dW, "b2": fc2.db}
