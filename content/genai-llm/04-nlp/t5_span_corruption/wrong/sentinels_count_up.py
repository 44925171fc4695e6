"""T5's sentinel ids count DOWN: span 0 gets first_sentinel (<extra_id_0> is the LAST id of the vocabulary), span 1 gets first_sentinel - 1, and so on, and the closing sentinel is first_sentinel - len(spans)."""


def t5_span_corruption(tokens, spans, first_sentinel):
    inputs, targets, position = [], [], 0
    for i, (start, end) in enumerate(spans):
        inputs += tokens[position:start] + [first_sentinel + i]
        targets += [first_sentinel + i] + tokens[start:end]
        position = end
    inputs += tokens[position:]
    targets.append(first_sentinel + len(spans))
    return inputs, targets
