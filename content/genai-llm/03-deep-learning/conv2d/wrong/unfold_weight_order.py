"""F.unfold lays out each column channel by channel: all kH*kW values of channel 0, then channel 1, ... (the order of weight[o].reshape(-1) for a (C_in, kH, kW) kernel). The weight was flattened in a different order (channels last), so taps are paired with the wrong inputs whenever there is more than one input channel."""
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, _, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    flat = weight.permute(0, 2, 3, 1).reshape(c_out, -1)
    out = flat @ cols
    if bias is not None:
        out = out + bias.reshape(1, -1, 1)
    return out.reshape(n, c_out, (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1)
