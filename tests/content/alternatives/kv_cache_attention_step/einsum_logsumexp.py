import math

import torch


def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    K = torch.concat([k_cache, k_new], 2)
    V = torch.concat([v_cache, v_new], 2)
    s = torch.einsum("bhqd,bhkd->bhqk", q_new, K) * (1.0 / math.sqrt(K.shape[-1]))
    w = torch.exp(s - torch.logsumexp(s, dim=-1, keepdim=True))
    return torch.einsum("bhqk,bhkv->bhqv", w, V), K, V
