import numpy as np


def _welford(x):
    mean, m2 = np.float64(0.0), np.float64(0.0)
    for i, value in enumerate(x, start=1):
        delta = value - mean
        mean += delta / i
        m2 += delta * (value - mean)
    return mean, m2 / (len(x) - 1)


def welch_t_test(a, b):
    mean_a, var_a = _welford(a)
    mean_b, var_b = _welford(b)
    se_a, se_b = var_a / a.size, var_b / b.size
    t = (mean_a - mean_b) / np.sqrt(se_a + se_b)
    nu = (se_a + se_b) ** 2 / (se_a**2 / (a.size - 1) + se_b**2 / (b.size - 1))
    return t, nu  # numpy float64 scalars
