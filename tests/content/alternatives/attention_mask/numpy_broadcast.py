import numpy as np


def attention_mask(lengths, L, causal=False):
    n = np.asarray(lengths).reshape(-1, 1, 1, 1)
    i = np.arange(L).reshape(1, 1, L, 1)
    j = np.arange(L).reshape(1, 1, 1, L)
    mask = j < n
    if causal:
        mask = mask & (j <= i)
    return np.broadcast_to(mask, (n.shape[0], 1, L, L)).copy()
