import math

import numpy as np


def welch_t_test(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    n_a, n_b = a.shape[0], b.shape[0]
    # np.var uses two passes (mean first, then squared deviations): no cancellation.
    se2_a = np.var(a, ddof=1) / n_a  # squared standard error of mean(a)
    se2_b = np.var(b, ddof=1) / n_b
    se2 = se2_a + se2_b
    t = (np.mean(a) - np.mean(b)) / math.sqrt(se2)
    df = se2**2 / (se2_a**2 / (n_a - 1) + se2_b**2 / (n_b - 1))
    return float(t), float(df)
