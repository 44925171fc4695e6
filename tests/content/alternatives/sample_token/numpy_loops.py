import numpy as np


def sample_token(logits, temperature, top_k, u):
    z = logits.numpy().astype(np.float64) / temperature
    B, V = z.shape
    out = np.zeros(B, dtype=np.int64)
    for b in range(B):
        row = z[b]
        kept = list(range(V))
        if 0 < top_k < V:
            kept = sorted(range(V), key=lambda j: (-row[j], j))[:top_k]
        p = np.zeros(V)
        m = max(row[j] for j in kept)
        for j in kept:
            p[j] = np.exp(row[j] - m)
        p /= p.sum()
        total = 0.0
        out[b] = V - 1
        for j in range(V):
            total += p[j]
            if u[b] < total:
                out[b] = j
                break
    return out
