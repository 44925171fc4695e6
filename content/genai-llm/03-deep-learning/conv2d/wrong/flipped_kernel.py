"""This is the textbook "true" convolution, with the kernel flipped in both directions. Deep-learning conv2d is a cross-correlation: output[y, x] pairs weight[i, j] with input[y*stride + i, x*stride + j], so the kernel is used exactly as stored."""
import torch
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    weight = torch.flip(weight, dims=(2, 3))
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    out = weight.reshape(c_out, -1) @ cols
    if bias is not None:
        out = out + bias.reshape(1, -1, 1)
    return out.reshape(n, c_out, (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1)
