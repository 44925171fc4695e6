import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # exp of a non-positive number only: never overflows.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logistic_loss_and_grad(w: np.ndarray, X: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    n = X.shape[0]
    z = X @ w
    # -[y log s(z) + (1 - y) log(1 - s(z))] = log(1 + e^z) - y z, and
    # log(1 + e^z) = max(z, 0) + log1p(e^{-|z|}) stays finite and accurate for any z.
    softplus = np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))
    loss = np.mean(softplus - y * z)
    grad = X.T @ (_sigmoid(z) - y) / n
    return float(loss), grad
