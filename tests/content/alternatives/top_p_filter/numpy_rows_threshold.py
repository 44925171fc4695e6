"""Row by row in numpy (float64): count the kept tokens, then keep every token whose
probability is at least the smallest kept one (no ties at the cut, so this is the same set)."""

import numpy as np
import torch


def _filter_row(row, p):
    z = np.exp(row - row.max())
    probs = z / z.sum()
    ranked = np.sort(probs)[::-1]
    mass = 0.0
    count = 0
    for q in ranked:
        if mass >= p:
            break
        count += 1
        mass += q
    threshold = ranked[count - 1]
    return np.where(probs >= threshold, row, -np.inf)


def top_p_filter(logits, p):
    x = logits.detach().numpy().astype(np.float64)
    flat = x.reshape(-1, x.shape[-1])
    out = np.stack([_filter_row(r, p) for r in flat]).reshape(x.shape)
    return torch.from_numpy(out)
