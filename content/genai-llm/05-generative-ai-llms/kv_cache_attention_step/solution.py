import math

import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    """Append the new key and value to the caches, then attend from the new query."""
    K = torch.cat([k_cache, k_new], dim=2)  # (B, H, S + 1, d): old rows first
    V = torch.cat([v_cache, v_new], dim=2)
    scores = q_new @ K.transpose(-2, -1) / math.sqrt(q_new.shape[-1])  # (B, H, 1, S + 1)
    out = torch.softmax(scores, dim=-1) @ V
    return out, K, V
