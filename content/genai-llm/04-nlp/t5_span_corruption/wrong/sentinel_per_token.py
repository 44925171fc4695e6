"""A whole span is replaced by ONE sentinel, however many tokens it holds: that is what makes the inputs shorter and the task harder than BERT's one-mask-per-token. Here every masked token got its own sentinel."""


def t5_span_corruption(tokens, spans, first_sentinel):
    inputs, targets, position, k = [], [], 0, 0
    for start, end in spans:
        inputs += tokens[position:start]
        for token in tokens[start:end]:
            inputs.append(first_sentinel - k)
            targets += [first_sentinel - k, token]
            k += 1
        position = end
    inputs += tokens[position:]
    targets.append(first_sentinel - k)
    return inputs, targets
