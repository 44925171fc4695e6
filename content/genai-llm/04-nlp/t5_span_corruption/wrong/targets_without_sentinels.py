"""In the targets each span's tokens are preceded by that span's sentinel, so that the decoder says which gap it is filling: [s0, span 0 tokens..., s1, span 1 tokens..., closing sentinel]."""


def t5_span_corruption(tokens, spans, first_sentinel):
    inputs, targets, position = [], [], 0
    for i, (start, end) in enumerate(spans):
        inputs += tokens[position:start] + [first_sentinel - i]
        targets += tokens[start:end]
        position = end
    inputs += tokens[position:]
    targets.append(first_sentinel - len(spans))
    return inputs, targets
