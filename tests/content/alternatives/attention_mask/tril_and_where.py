import torch


def attention_mask(lengths, L, causal=False):
    B = len(lengths)
    key_ok = torch.arange(L).repeat(B, 1) < lengths.unsqueeze(1)
    grid = key_ok.unsqueeze(1).repeat(1, L, 1)
    if causal:
        grid = torch.where(torch.ones(L, L).tril().bool(), grid, torch.zeros_like(grid))
    return grid.unsqueeze(1)
