"""The kernel need not be square: weight has shape (C_out, C_in, kH, kW), and the window height comes from kH while its width comes from kW. Read both from weight.shape and use each along its own axis."""
import torch
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, c_in, h, w = x.shape
    c_out, _, k, _ = weight.shape
    xp = F.pad(x, (padding,) * 4)
    h_out = (h + 2 * padding - k) // stride + 1
    w_out = (w + 2 * padding - k) // stride + 1
    out = torch.zeros(n, c_out, h_out, w_out, dtype=x.dtype)
    for r in range(h_out):
        for c in range(w_out):
            patch = xp[:, :, r * stride : r * stride + k, c * stride : c * stride + k]
            out[:, :, r, c] = torch.einsum("nchw,ochw->no", patch, weight[:, :, :k, :k])
    if bias is not None:
        out = out + bias.view(1, -1, 1, 1)
    return out
