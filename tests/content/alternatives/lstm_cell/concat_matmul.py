"""One matrix product on [x, h] against the stacked weights; gates unbound from a (B, 4, H) view."""
import torch


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    W = torch.cat([W_ih, W_hh], dim=1)  # (4H, I + H)
    z = torch.cat([x, h], dim=1) @ W.T + (b_ih + b_hh)
    i, f, g, o = z.view(z.shape[0], 4, -1).unbind(dim=1)
    c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c_new), c_new
