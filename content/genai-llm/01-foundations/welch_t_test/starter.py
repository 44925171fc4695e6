import numpy as np


def welch_t_test(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Welch's two-sample t-test.

    Return (t, df): the t statistic of mean(a) - mean(b) with unequal variances, and the
    Welch-Satterthwaite degrees of freedom. Sample variances use ddof=1.
    """
    raise NotImplementedError("implement welch_t_test")
