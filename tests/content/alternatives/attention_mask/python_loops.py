import torch


def attention_mask(lengths, L, causal=False):
    B = lengths.shape[0]
    mask = torch.zeros(B, 1, L, L, dtype=torch.bool)
    for b in range(B):
        n = int(lengths[b])
        for i in range(L):
            last = min(n, i + 1) if causal else n
            mask[b, 0, i, :last] = True
    return mask
