import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    """Scaled dot-product attention.

    q: (..., Lq, d) queries, k: (..., Lk, d) keys, v: (..., Lk, dv) values.
    mask: None, or a bool tensor broadcastable to (..., Lq, Lk); True = may attend.
    Returns softmax(q @ k^T / sqrt(d)) @ v with shape (..., Lq, dv).
    """
    raise NotImplementedError("implement scaled_dot_product_attention")
