"""The running total must follow the tokens ranked by probability, highest first. Accumulating in vocabulary order (token 0, 1, 2, ...) keeps whichever tokens happen to come first; sort the probabilities in descending order before the cumulative sum."""
import torch
def top_p_filter(logits, p):
    probs = torch.softmax(logits, dim=-1)
    before = torch.cumsum(probs, dim=-1) - probs
    return logits.masked_fill(before >= p, float("-inf"))
