"""Positions start at 0: the first row of the encoding is for position p = 0 (all sines 0, all cosines 1)."""
import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    p = torch.arange(1, seq_len + 1, dtype=torch.float32)[:, None]
    two_i = torch.arange(0, d_model, 2, dtype=torch.float32)
    angles = p / 10000 ** (two_i / d_model)
    pe = torch.zeros(seq_len, d_model)
    pe[:, 0::2] = torch.sin(angles)
    pe[:, 1::2] = torch.cos(angles)
    return pe
