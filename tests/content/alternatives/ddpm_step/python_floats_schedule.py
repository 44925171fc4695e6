import math


def ddpm_step(x_t, t, eps_hat, z, betas):
    # The schedule as Python floats (double precision), the tensors scaled by plain numbers.
    schedule = [float(beta) for beta in betas]
    alpha_bar = 1.0
    for beta in schedule[: t + 1]:
        alpha_bar *= 1.0 - beta
    beta = schedule[t]
    coef = beta / math.sqrt(1.0 - alpha_bar)
    x_prev = (x_t - coef * eps_hat) / math.sqrt(1.0 - beta)
    if t > 0:
        x_prev = x_prev + math.sqrt(beta) * z
    return x_prev
