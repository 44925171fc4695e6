import math

import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    """PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d)), in float64."""
    positions = torch.arange(seq_len, dtype=torch.float64).unsqueeze(1)      # (L, 1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)                 # (d/2,)
    angles = positions / torch.pow(torch.tensor(10000.0, dtype=torch.float64), two_i / d_model)
    pe = torch.empty(seq_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angles)
    pe[:, 1::2] = torch.cos(angles)
    return pe
