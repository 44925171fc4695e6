import numpy as np
import torch
import torch.nn.functional as F


def train_bigram_lm(tokens, vocab_size, lr, steps):
    ids = torch.from_numpy(np.asarray(tokens, dtype=np.int64))
    inputs, targets = ids[:-1], ids[1:]
    W = torch.zeros(vocab_size, vocab_size, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([W], lr=lr)
    losses = []
    for _ in range(steps):
        loss = F.cross_entropy(W[inputs], targets)  # mean over the pairs
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return W.detach().numpy(), np.array(losses, dtype=np.float64)
