"""The size is right but the sign is flipped: the statistic is for mean(a) - mean(b), so it is positive when a's mean is the larger one."""
import numpy as np


def welch_t_test(a, b):
    s_a, s_b = np.var(a, ddof=1) / len(a), np.var(b, ddof=1) / len(b)
    t = (b.mean() - a.mean()) / np.sqrt(s_a + s_b)
    df = (s_a + s_b) ** 2 / (s_a**2 / (len(a) - 1) + s_b**2 / (len(b) - 1))
    return float(t), float(df)
