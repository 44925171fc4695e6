"""The t statistic is right; check the denominator of the degrees of freedom: each term (var/n)^2 is divided by n - 1 for that sample, not by n."""
import numpy as np


def welch_t_test(a, b):
    s_a, s_b = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
    t = (a.mean() - b.mean()) / np.sqrt(s_a + s_b)
    df = (s_a + s_b) ** 2 / (s_a**2 / len(a) + s_b**2 / len(b))
    return float(t), float(df)
