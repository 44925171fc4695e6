"""Some frameworks add a constant 1 to the forget gate's pre-activation to help early training; PyTorch's LSTMCell does not. The forget gate is sigmoid of its block of x @ W_ih.T + b_ih + h @ W_hh.T + b_hh, nothing more: if you want that effect, it lives in the bias values you are given."""
import torch


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh
    i, f, g, o = gates.chunk(4, dim=1)
    c_new = torch.sigmoid(f + 1.0) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c_new), c_new
