import numpy as np
import torch


def sample_token(logits, temperature, top_k, u):
    z = logits / temperature
    B, V = z.shape
    if top_k and top_k < V:
        # Sort by (-z, index) along each row: ties at the cut-off keep the lower index.
        index = np.broadcast_to(np.arange(V), (B, V))
        order = torch.from_numpy(np.lexsort((index, -z.numpy())))
        z = z.scatter(1, order[:, top_k:], float("-inf"))
    cdf = torch.softmax(z, dim=1).cumsum(dim=1)
    token = torch.searchsorted(cdf, u.unsqueeze(1), right=True).squeeze(1)
    return torch.minimum(token, torch.tensor(V - 1))
