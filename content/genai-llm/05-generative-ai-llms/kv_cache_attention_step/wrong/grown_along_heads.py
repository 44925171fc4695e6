"""The caches grow along the sequence dimension, dim 2 of (B, H, S, d), one row per position: not along dim 1 (the heads) or the last one (the features)."""
import math

import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    K = torch.cat([k_cache, k_new], dim=1)
    V = torch.cat([v_cache, v_new], dim=1)
    scores = q_new @ K.transpose(-2, -1) / math.sqrt(q_new.shape[-1])
    return torch.softmax(scores, dim=-1) @ V, K, V
