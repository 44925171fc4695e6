"""The 4H gate values are four contiguous blocks of H (all of the input gate, then all of the forget gate, ...). Reshaping to (B, H, 4) and taking [..., k] picks every fourth value instead, mixing the gates; split into (B, 4, H), or chunk(4, dim=1)."""
import torch


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh
    z = gates.view(gates.shape[0], -1, 4)
    i, f, g, o = z[..., 0], z[..., 1], z[..., 2], z[..., 3]
    c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c_new), c_new
