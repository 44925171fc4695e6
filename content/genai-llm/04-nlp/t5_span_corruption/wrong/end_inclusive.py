"""Spans are half-open, like Python slices: [start, end) covers tokens[start:end], and tokens[end] is the first token kept after the span. Treating end as inclusive masks one token too many."""


def t5_span_corruption(tokens, spans, first_sentinel):
    inputs, targets, position = [], [], 0
    for i, (start, end) in enumerate(spans):
        inputs += tokens[position:start] + [first_sentinel - i]
        targets += [first_sentinel - i] + tokens[start : end + 1]
        position = end + 1
    inputs += tokens[position:]
    targets.append(first_sentinel - len(spans))
    return inputs, targets
