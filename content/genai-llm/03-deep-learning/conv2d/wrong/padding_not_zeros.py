"""conv2d pads with zeros. Replicating (or reflecting) the border values changes every output whose window overlaps the padding. Pad with zeros, e.g. F.pad(..., mode="constant", value=0), which is F.pad's default."""
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    xp = F.pad(x, (padding,) * 4, mode="replicate") if padding else x
    cols = F.unfold(xp, (kh, kw), stride=stride)
    out = weight.reshape(c_out, -1) @ cols
    if bias is not None:
        out = out + bias.reshape(1, -1, 1)
    return out.reshape(n, c_out, (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1)
