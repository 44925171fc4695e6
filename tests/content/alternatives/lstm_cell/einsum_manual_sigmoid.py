"""einsum for the products, sigmoid written as 1 / (1 + exp(-z)) and tanh as 2*sigmoid(2z) - 1."""
import torch


def _sigmoid(z):
    return 1.0 / (1.0 + torch.exp(-z))


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    z = torch.einsum("bi,gi->bg", x, W_ih) + torch.einsum("bh,gh->bg", h, W_hh) + b_ih + b_hh
    H = h.shape[-1]
    i = _sigmoid(z[:, :H])
    f = _sigmoid(z[:, H : 2 * H])
    g = 2.0 * _sigmoid(2.0 * z[:, 2 * H : 3 * H]) - 1.0
    o = _sigmoid(z[:, 3 * H :])
    c_new = f * c + i * g
    h_new = o * (2.0 * _sigmoid(2.0 * c_new) - 1.0)
    return (h_new, c_new)
