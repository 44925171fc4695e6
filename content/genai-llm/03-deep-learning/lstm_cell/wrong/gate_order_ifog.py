"""The four gate blocks are stacked in PyTorch's order: input, forget, cell (candidate), output. Rows 2H:3H of W_ih/W_hh feed the tanh candidate and rows 3H:4H the output gate, not the other way round (some books and frameworks use i, f, o, g)."""
import torch


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh
    i, f, o, g = gates.chunk(4, dim=1)
    c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c_new), c_new
