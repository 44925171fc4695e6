import numpy as np


def t5_span_corruption(tokens, spans, first_sentinel):
    # Label every position with its span number (-1 = kept), then read both lists off it.
    ids = np.asarray(tokens, dtype=np.int64)
    span_of = np.full(len(ids), -1)
    for number, (start, end) in enumerate(spans):
        span_of[start:end] = number
    inputs = []
    for position, token in enumerate(ids):
        number = span_of[position]
        if number < 0:
            inputs.append(token)  # numpy integers, as the contract allows
        elif position == spans[number][0]:
            inputs.append(np.int64(first_sentinel - number))
    targets = []
    for number, (start, end) in enumerate(spans):
        targets.append(np.int64(first_sentinel - number))
        targets.extend(ids[start:end])
    targets.append(np.int64(first_sentinel - len(spans)))
    return inputs, targets
