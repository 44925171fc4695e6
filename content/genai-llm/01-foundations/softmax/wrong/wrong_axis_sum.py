"""The normalising sum must run along the same axis as the maximum, and keep that axis (keepdims=True) so it broadcasts back."""
import numpy as np


def softmax(x, axis=-1):
    shifted = x - np.max(x, axis=axis, keepdims=True)
    exps = np.exp(shifted)
    return exps / np.sum(exps, axis=0, keepdims=True)
