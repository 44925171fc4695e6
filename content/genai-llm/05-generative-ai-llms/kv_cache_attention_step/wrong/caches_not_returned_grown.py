"""The returned caches must include the new entries (S + 1 rows): the next step attends with what this one returns, so a cache that never grows forgets every token after the prompt."""
import math

import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    K = torch.cat([k_cache, k_new], dim=2)
    V = torch.cat([v_cache, v_new], dim=2)
    scores = q_new @ K.transpose(-2, -1) / math.sqrt(q_new.shape[-1])
    return torch.softmax(scores, dim=-1) @ V, k_cache, v_cache
