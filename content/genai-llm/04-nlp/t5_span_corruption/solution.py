def t5_span_corruption(
    tokens: list[int], spans: list[tuple[int, int]], first_sentinel: int
) -> tuple[list[int], list[int]]:
    inputs: list[int] = []
    targets: list[int] = []
    position = 0
    for index, (start, end) in enumerate(spans):
        sentinel = first_sentinel - index  # sentinel ids count DOWN, as T5's <extra_id_i>
        inputs.extend(tokens[position:start])
        inputs.append(sentinel)  # the whole span [start, end) becomes one sentinel
        targets.append(sentinel)
        targets.extend(tokens[start:end])
        position = end
    inputs.extend(tokens[position:])
    targets.append(first_sentinel - len(spans))  # the closing sentinel
    return inputs, targets
