"""Sine and cosine are swapped: the even columns (0, 2, 4, ...) hold the sine and the odd columns the cosine. At position 0 a row must read 0, 1, 0, 1, ..."""
import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    p = torch.arange(seq_len, dtype=torch.float32)[:, None]
    two_i = torch.arange(0, d_model, 2, dtype=torch.float32)
    angles = p / 10000 ** (two_i / d_model)
    pe = torch.zeros(seq_len, d_model)
    pe[:, 0::2] = torch.cos(angles)
    pe[:, 1::2] = torch.sin(angles)
    return pe
