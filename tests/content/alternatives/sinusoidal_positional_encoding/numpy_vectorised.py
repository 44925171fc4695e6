import numpy as np


def sinusoidal_positional_encoding(seq_len, d_model):
    p = np.arange(seq_len)[:, None]
    j = np.arange(d_model)[None, :]
    angles = p / np.power(10000.0, (j - j % 2) / d_model)
    return np.where(j % 2 == 0, np.sin(angles), np.cos(angles)).astype(np.float32)
