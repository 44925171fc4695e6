"""The bias is never added. When bias is given, add bias[o] to every position of output channel o (reshape it so it broadcasts over the batch, height and width); when it is None, add nothing."""
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    out = weight.reshape(c_out, -1) @ cols
    return out.reshape(n, c_out, (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1)
