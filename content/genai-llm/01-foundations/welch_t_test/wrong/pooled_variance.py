"""This is Student's t-test, which pools the two samples into one variance estimate and uses n_a + n_b - 2 degrees of freedom. Welch's test keeps each sample's own variance: the standard error is sqrt(var_a/n_a + var_b/n_b), and the degrees of freedom come from the Welch-Satterthwaite formula."""
import numpy as np


def welch_t_test(a, b):
    n_a, n_b = len(a), len(b)
    pooled = ((n_a - 1) * np.var(a, ddof=1) + (n_b - 1) * np.var(b, ddof=1)) / (n_a + n_b - 2)
    t = (a.mean() - b.mean()) / np.sqrt(pooled * (1 / n_a + 1 / n_b))
    return float(t), float(n_a + n_b - 2)
