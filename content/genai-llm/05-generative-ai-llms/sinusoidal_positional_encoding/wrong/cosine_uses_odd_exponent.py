"""A sine and the cosine next to it share one angle: column 2i + 1 uses the same exponent 2i / d_model as column 2i, not (2i + 1) / d_model. Compute one frequency per pair of columns."""
import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    p = torch.arange(seq_len, dtype=torch.float32)[:, None]
    j = torch.arange(d_model, dtype=torch.float32)
    angles = p / 10000 ** (j / d_model)
    pe = torch.where(j.long() % 2 == 0, torch.sin(angles), torch.cos(angles))
    return pe
