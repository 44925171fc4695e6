"""Each row of logits is its own distribution over the vocabulary: softmax, sort and cumsum all run over the LAST dimension (dim=-1). A softmax over dim=0 mixes different rows of the batch."""
import torch


def top_p_filter(logits, p):
    probs = torch.softmax(logits, dim=0)
    sorted_probs, order = torch.sort(probs, dim=-1, descending=True)
    before = torch.cumsum(sorted_probs, dim=-1) - sorted_probs
    keep = torch.zeros_like(before, dtype=torch.bool).scatter(-1, order, before < p)
    return logits.masked_fill(~keep, float("-inf"))
