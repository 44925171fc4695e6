import torch


def sample_token(logits, temperature, top_k, u):
    """Sample one token per row with temperature and top-k, from the given uniform draws.

    logits: (B, V) float32; temperature > 0; top_k >= 0 (0, or >= V, keeps every token);
    u: (B,) float32 in [0, 1). Per row: z = logits / temperature; keep the top_k largest
    z (ties to the lower index); p = softmax over the kept tokens, 0 elsewhere;
    c_j = p_0 + ... + p_j in vocabulary order; the token is the smallest j with u < c_j.
    Returns a (B,) integer tensor.
    """
    raise NotImplementedError("implement sample_token")
