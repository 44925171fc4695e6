"""The three gates (input, forget, output) are sigmoids, values in (0, 1) that say how much passes; only the candidate cell value uses tanh, a value in (-1, 1). Here the activations are the other way round."""
import torch


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh
    i, f, g, o = gates.chunk(4, dim=1)
    c_new = torch.tanh(f) * c + torch.tanh(i) * torch.sigmoid(g)
    return torch.tanh(o) * torch.tanh(c_new), c_new
