import numpy as np


def welch_t_test(a, b):
    a_dev = a - a.mean()
    b_dev = b - b.mean()
    var_a = (a_dev @ a_dev) / (a.size - 1)
    var_b = (b_dev @ b_dev) / (b.size - 1)
    v = np.array([var_a / a.size, var_b / b.size])
    n_minus_1 = np.array([a.size - 1, b.size - 1])
    t = np.asarray((a.mean() - b.mean()) / np.sqrt(v.sum()))
    df = np.asarray(v.sum() ** 2 / np.sum(v**2 / n_minus_1))
    return (t, df)  # 0-d arrays
