import numpy as np
import torch


def ddpm_loss(x0, t, eps, betas, W, b, temb):
    # One example at a time, in float64 numpy, with the schedule walked by hand.
    beta = betas.double().numpy()
    weight, bias, emb = W.double().numpy(), b.double().numpy(), temb.double().numpy()
    total, count = 0.0, 0
    for i in range(x0.shape[0]):
        step = int(t[i])
        alpha_bar = 1.0
        for s in range(step + 1):
            alpha_bar *= 1.0 - beta[s]
        clean = x0[i].double().numpy().ravel()
        noise = eps[i].double().numpy().ravel()
        noisy = np.sqrt(alpha_bar) * clean + np.sqrt(1.0 - alpha_bar) * noise
        predicted = weight @ noisy + bias + emb[step]
        total += float(np.sum((predicted - noise) ** 2))
        count += noise.size
    return torch.tensor(total / count)
