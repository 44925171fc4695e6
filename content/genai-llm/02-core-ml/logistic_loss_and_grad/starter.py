import numpy as np


def logistic_loss_and_grad(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    """Logistic regression: mean binary cross-entropy of sigmoid(X @ w) against the 0/1
    labels y, and its gradient with respect to w.

    w: (d,), X: (n, d), y: (n,) of 0.0 and 1.0. Return (loss, grad) with grad of shape (d,).
    """
    raise NotImplementedError("implement logistic_loss_and_grad")
