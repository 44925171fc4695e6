import torch


def ddpm_loss(x0, t, eps, betas, W, b, temb) -> torch.Tensor:
    """The DDPM training loss (L_simple) for a batch, with a linear noise predictor.

    x0, eps   (B, ...)  clean data and the noise mixed into it; D entries per example
    t         (B,)      int64 step of each example, 0-based: 0 <= t < T
    betas     (T,)      the noise schedule
    W (D, D), b (D,)    the noise predictor's weights, nn.Linear layout
    temb      (T, D)    one time-embedding row per step

    alpha_bar_t = prod_{s=0..t} (1 - beta_s); x_t = sqrt(alpha_bar_t) x0 + sqrt(1 - alpha_bar_t) eps;
    eps_hat = x_t.reshape(B, D) @ W.T + b + temb[t]. Return the mean over all B * D entries
    of (eps_hat - eps)^2, as a scalar.
    """
    raise NotImplementedError("implement ddpm_loss")
