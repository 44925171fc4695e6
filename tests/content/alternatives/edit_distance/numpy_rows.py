import numpy as np


def edit_distance(a, b):
    # One numpy row per character of a; insertions along the row are resolved with a
    # running minimum: row[j] = min_k (candidate[k] + (j - k)).
    b_codes = np.array([ord(c) for c in b], dtype=np.int64)
    row = np.arange(len(b) + 1, dtype=np.int64)
    offsets = np.arange(len(b) + 1, dtype=np.int64)
    for i, ch in enumerate(a, start=1):
        candidate = np.empty_like(row)
        candidate[0] = i
        candidate[1:] = np.minimum(row[1:] + 1, row[:-1] + (b_codes != ord(ch)))
        row = np.minimum.accumulate(candidate - offsets) + offsets
    return row[-1]  # a numpy integer scalar
