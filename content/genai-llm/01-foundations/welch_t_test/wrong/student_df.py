"""The t statistic is right, but n_a + n_b - 2 degrees of freedom belong to Student's pooled test. With unequal variances, use the Welch-Satterthwaite approximation: df = (s_a + s_b)^2 / (s_a^2/(n_a - 1) + s_b^2/(n_b - 1)) with s = var/n."""
import numpy as np


def welch_t_test(a, b):
    s_a, s_b = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
    t = (a.mean() - b.mean()) / np.sqrt(s_a + s_b)
    return float(t), float(len(a) + len(b) - 2)
