"""The spread of a sample MEAN shrinks with the sample size: its squared standard error is var/n, not var. Divide each sample variance by its own sample size (in t and in the degrees of freedom)."""
import numpy as np


def welch_t_test(a, b):
    v_a, v_b = np.var(a, ddof=1), np.var(b, ddof=1)
    t = (a.mean() - b.mean()) / np.sqrt(v_a + v_b)
    df = (v_a + v_b) ** 2 / (v_a**2 / (len(a) - 1) + v_b**2 / (len(b) - 1))
    return float(t), float(df)
