def t5_span_corruption(
    tokens: list[int], spans: list[tuple[int, int]], first_sentinel: int
) -> tuple[list[int], list[int]]:
    """T5's span-corruption objective: build the (inputs, targets) pair for one sequence.

    spans are half-open [start, end), sorted and non-overlapping. Span i gets the sentinel
    id first_sentinel - i. inputs: tokens with each span replaced by its one sentinel.
    targets: for each span, its sentinel followed by its tokens; then a closing sentinel
    first_sentinel - len(spans).
    """
    raise NotImplementedError("implement t5_span_corruption")
