"""Right formula, but the variance is computed as (sum of x^2 - n * mean^2) / (n - 1): when the values are large compared with their spread (e.g. around a million), the two terms almost cancel and most digits are lost. Subtract the mean first and then square the deviations (this is what np.var does)."""
import numpy as np


def welch_t_test(a, b):
    def var(x):
        n = len(x)
        return (np.sum(x * x) - n * np.mean(x) ** 2) / (n - 1)

    s_a, s_b = var(a) / len(a), var(b) / len(b)
    t = (a.mean() - b.mean()) / np.sqrt(s_a + s_b)
    df = (s_a + s_b) ** 2 / (s_a**2 / (len(a) - 1) + s_b**2 / (len(b) - 1))
    return float(t), float(df)
