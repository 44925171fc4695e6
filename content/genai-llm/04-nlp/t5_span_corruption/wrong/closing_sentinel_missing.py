"""The targets end with one more sentinel, first_sentinel - len(spans), after the last span's tokens: it tells the decoder that no span follows (with no spans at all, the targets are just [first_sentinel])."""


def t5_span_corruption(tokens, spans, first_sentinel):
    inputs, targets, position = [], [], 0
    for i, (start, end) in enumerate(spans):
        inputs += tokens[position:start] + [first_sentinel - i]
        targets += [first_sentinel - i] + tokens[start:end]
        position = end
    inputs += tokens[position:]
    return inputs, targets
