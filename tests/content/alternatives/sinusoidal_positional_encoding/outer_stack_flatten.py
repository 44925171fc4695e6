import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    inv_freq = 10000.0 ** (-torch.arange(0, d_model, 2).float() / d_model)
    angles = torch.outer(torch.arange(seq_len).float(), inv_freq)
    # (L, d/2, 2) -> (L, d): sin and cos of one angle land in adjacent columns.
    return torch.stack((angles.sin(), angles.cos()), dim=-1).flatten(start_dim=1)
