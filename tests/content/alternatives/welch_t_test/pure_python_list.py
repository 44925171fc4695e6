import math


def welch_t_test(a, b):
    def mean_and_se2(xs):
        xs = [float(x) for x in xs]
        n = len(xs)
        m = math.fsum(xs) / n
        var = math.fsum((x - m) ** 2 for x in xs) / (n - 1)
        return m, var / n, n

    m_a, s_a, n_a = mean_and_se2(a)
    m_b, s_b, n_b = mean_and_se2(b)
    t = (m_a - m_b) / math.sqrt(s_a + s_b)
    df = (s_a + s_b) ** 2 / (s_a * s_a / (n_a - 1) + s_b * s_b / (n_b - 1))
    return [t, df]
