"""Plain loops over output positions, accumulated in float64 and cast back."""
import torch


def conv2d(x, weight, bias=None, stride=1, padding=0):
    x64 = x.double()
    w64 = weight.double()
    n, c_in, h, w = x64.shape
    c_out, _, kh, kw = w64.shape
    padded = torch.zeros(n, c_in, h + 2 * padding, w + 2 * padding, dtype=torch.float64)
    padded[:, :, padding : padding + h, padding : padding + w] = x64
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    flat_w = w64.reshape(c_out, -1)
    out = torch.empty(n, c_out, h_out, w_out, dtype=torch.float64)
    for r in range(h_out):
        for c in range(w_out):
            top, left = r * stride, c * stride
            patch = padded[:, :, top : top + kh, left : left + kw].reshape(n, -1)
            out[:, :, r, c] = patch @ flat_w.T
    if bias is not None:
        out += bias.double().reshape(1, -1, 1, 1)
    return out.to(x.dtype)
