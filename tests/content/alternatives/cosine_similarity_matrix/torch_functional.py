"""torch's cosine_similarity clamps each norm separately, the same rule; result as a tensor."""

import numpy as np
import torch
import torch.nn.functional as F


def cosine_similarity_matrix(A, B, eps=1e-8):
    a = torch.from_numpy(np.asarray(A))
    b = torch.from_numpy(np.asarray(B))
    return F.cosine_similarity(a[:, None, :], b[None, :, :], dim=-1, eps=eps)
