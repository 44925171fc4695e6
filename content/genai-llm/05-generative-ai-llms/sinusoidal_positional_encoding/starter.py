import math

import torch


def sinusoidal_positional_encoding(seq_len: int, d_model: int) -> torch.Tensor:
    """The sinusoidal positional encodings of "Attention Is All You Need".

    Returns a (seq_len, d_model) tensor (d_model is even) with, for positions
    p = 0 .. seq_len - 1 and i = 0 .. d_model/2 - 1:
        PE[p, 2i]     = sin(p / 10000 ** (2i / d_model))
        PE[p, 2i + 1] = cos(p / 10000 ** (2i / d_model))
    """
    raise NotImplementedError("implement sinusoidal_positional_encoding")
