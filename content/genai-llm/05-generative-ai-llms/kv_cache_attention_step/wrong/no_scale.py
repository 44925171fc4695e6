"""The scores must be divided by sqrt(d), d = the width of the queries and keys (q_new.shape[-1]), exactly as in full attention: otherwise the cached steps do not reproduce the model's attention."""
import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    K = torch.cat([k_cache, k_new], dim=2)
    V = torch.cat([v_cache, v_new], dim=2)
    return torch.softmax(q_new @ K.transpose(-2, -1), dim=-1) @ V, K, V
