import math

import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    """One step of autoregressive attention with a key/value cache.

    q_new, k_new: (B, H, 1, d); v_new: (B, H, 1, dv); k_cache: (B, H, S, d);
    v_cache: (B, H, S, dv), S >= 0. Returns (out, K, V): K and V are the caches with
    the new entries appended along dim 2 (old rows first), and
    out = softmax(q_new @ K^T / sqrt(d)) @ V, of shape (B, H, 1, dv).
    """
    raise NotImplementedError("implement kv_cache_attention_step")
