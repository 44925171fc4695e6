import random

from grader.casekit import Case

T5_FIRST_SENTINEL = 32099  # <extra_id_0> in T5's vocabulary of 32,100 ids
SENTENCE = list(range(100, 111))  # "Thank you for inviting me to your party last week ."


def _random_spans(rng: random.Random, length: int, n_spans: int, max_span: int, gaps: bool = True):
    """n_spans sorted, non-overlapping half-open spans inside [0, length)."""
    spans, position = [], 0
    for _ in range(n_spans):
        gap = rng.randint(1 if gaps else 0, 4)
        start = position + gap
        end = start + rng.randint(1, max_span)
        if end > length:
            break
        spans.append((start, end))
        position = end
    return spans


def _tokens(rng: random.Random, length: int) -> list[int]:
    return [rng.randrange(3, 32000) for _ in range(length)]


def cases():
    rng = random.Random(20261207)

    # Visible: the T5 paper's example sentence, no spans, and adjacent spans.
    yield Case(
        "two spans in a sentence (the statement's example)",
        args=(SENTENCE, [(2, 4), (8, 9)], T5_FIRST_SENTINEL),
        visible=True,
    )
    yield Case("no spans: the closing sentinel only", args=([5, 6, 7], [], 99), visible=True)
    yield Case("adjacent spans stay separate", args=([1, 2, 3, 4, 5, 6], [(1, 3), (3, 4)], 50), visible=True)

    # Edges.
    yield Case("no spans in a longer sequence", args=(_tokens(rng, 12), [], T5_FIRST_SENTINEL))
    yield Case("an empty sequence", args=([], [], T5_FIRST_SENTINEL))
    yield Case("a span at the very start", args=(SENTENCE, [(0, 2)], T5_FIRST_SENTINEL))
    yield Case("a span at the very end", args=(SENTENCE, [(9, 11)], T5_FIRST_SENTINEL))
    yield Case("one span covering the whole sequence", args=([7, 8, 9, 10], [(0, 4)], 1000))
    yield Case("single-token spans", args=(SENTENCE, [(1, 2), (4, 5), (10, 11)], T5_FIRST_SENTINEL))
    yield Case("one long span", args=(SENTENCE, [(3, 9)], T5_FIRST_SENTINEL))
    yield Case("three adjacent spans", args=(SENTENCE, [(2, 4), (4, 5), (5, 8)], T5_FIRST_SENTINEL))
    yield Case(
        "every token in its own span",
        args=([11, 12, 13, 14, 15], [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)], 500),
    )
    yield Case("a small first sentinel id", args=([40, 41, 42, 43, 44], [(1, 3)], 9))
    yield Case("a repeated token inside and outside a span", args=([7, 7, 7, 8, 7, 7], [(1, 3), (4, 5)], 900))

    # Random sequences with T5-like noise (about 15% of the tokens, spans of 1 to 5).
    for index, (length, n_spans, max_span) in enumerate([(20, 2, 3), (40, 4, 5), (64, 6, 4), (100, 9, 5)]):
        tokens = _tokens(rng, length)
        spans = _random_spans(rng, length, n_spans, max_span)
        yield Case(f"a random sequence #{index + 1}", args=(tokens, spans, T5_FIRST_SENTINEL))
    tokens = _tokens(rng, 30)
    yield Case(
        "random spans, some adjacent",
        args=(tokens, _random_spans(rng, 30, 7, 3, gaps=False), T5_FIRST_SENTINEL),
    )
    yield Case("many spans", args=(_tokens(rng, 200), _random_spans(rng, 200, 40, 3), T5_FIRST_SENTINEL))
