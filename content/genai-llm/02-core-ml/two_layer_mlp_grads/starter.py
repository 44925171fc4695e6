import numpy as np


def two_layer_mlp_grads(X, y, W1, b1, W2, b2) -> dict:
    """Forward and backward pass of a two-layer ReLU network with a softmax
    cross-entropy loss, by hand.

    X (n, d) inputs, y (n,) integer class labels, W1 (d, h), b1 (h,), W2 (h, c), b2 (c,).
    logits = relu(X @ W1 + b1) @ W2 + b2; loss = mean softmax cross-entropy over the batch.
    Return {"loss": float, "W1": dL/dW1, "b1": dL/db1, "W2": dL/dW2, "b2": dL/db2}.
    """
    raise NotImplementedError("implement two_layer_mlp_grads")
