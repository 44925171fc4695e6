"""Each gate from its own block of rows, computed with F.linear in float64 and cast back."""
import torch
import torch.nn.functional as F


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh):
    dtype = x.dtype
    x, h, c = x.double(), h.double(), c.double()
    W_ih, W_hh, b_ih, b_hh = W_ih.double(), W_hh.double(), b_ih.double(), b_hh.double()
    H = h.shape[1]

    def pre(k):
        rows = slice(k * H, (k + 1) * H)
        return F.linear(x, W_ih[rows], b_ih[rows]) + F.linear(h, W_hh[rows], b_hh[rows])

    input_gate = torch.sigmoid(pre(0))
    forget_gate = torch.sigmoid(pre(1))
    candidate = torch.tanh(pre(2))
    output_gate = torch.sigmoid(pre(3))
    c_new = forget_gate * c + input_gate * candidate
    h_new = output_gate * torch.tanh(c_new)
    return h_new.to(dtype), c_new.to(dtype)
