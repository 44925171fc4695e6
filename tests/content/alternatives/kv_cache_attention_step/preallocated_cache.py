def kv_cache_attention_step(q_new, k_new, v_new, k_cache, v_cache):
    B, H, S, d = k_cache.shape
    K = k_new.new_empty(B, H, S + 1, d)
    V = v_new.new_empty(B, H, S + 1, v_new.shape[-1])
    K[:, :, :S] = k_cache
    K[:, :, S] = k_new[:, :, 0]
    V[:, :, :S] = v_cache
    V[:, :, S] = v_new[:, :, 0]
    scores = (q_new * d**-0.5) @ K.mT
    weights = scores.softmax(-1)
    return weights @ V, K, V
