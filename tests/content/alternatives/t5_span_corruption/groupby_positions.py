from itertools import groupby


def t5_span_corruption(tokens, spans, first_sentinel):
    owner = {}
    for number, (start, end) in enumerate(spans):
        for position in range(start, end):
            owner[position] = number
    inputs, targets = [], []
    # Consecutive positions with the same owner form one group: a kept run or one span.
    for number, group in groupby(range(len(tokens)), key=lambda p: owner.get(p)):
        run = [tokens[p] for p in group]
        if number is None:
            inputs += run
        else:
            inputs.append(first_sentinel - number)
            targets += [first_sentinel - number] + run
    targets.append(first_sentinel - len(spans))
    return tuple(inputs), tuple(targets)
