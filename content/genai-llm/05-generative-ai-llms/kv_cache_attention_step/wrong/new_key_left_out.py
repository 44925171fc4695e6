"""The new token's own key and value are left out of the attention: the new query attends to every cached position AND to itself. Append first, then attend over the grown caches (with an empty cache, the token can only attend to itself)."""
import math

import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    scores = q_new @ k_cache.transpose(-2, -1) / math.sqrt(q_new.shape[-1])
    out = torch.softmax(scores, dim=-1) @ v_cache
    return out, torch.cat([k_cache, k_new], dim=2), torch.cat([v_cache, v_new], dim=2)
