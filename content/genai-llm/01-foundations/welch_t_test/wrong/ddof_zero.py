"""np.var divides by n by default (ddof=0), which underestimates the population variance from a sample. Use the sample variance, dividing by n - 1 (ddof=1)."""
import numpy as np


def welch_t_test(a, b):
    s_a, s_b = np.var(a) / len(a), np.var(b) / len(b)
    t = (a.mean() - b.mean()) / np.sqrt(s_a + s_b)
    df = (s_a + s_b) ** 2 / (s_a**2 / (len(a) - 1) + s_b**2 / (len(b) - 1))
    return float(t), float(df)
