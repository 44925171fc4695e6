"""Each beam proposes only its own best beam_width extensions (nothing else could make the
cut), then the proposals are merged; explicit loops, no lambdas."""


def _better(a, b):
    """True when candidate a = (score, seq) ranks before b."""
    if a[0] != b[0]:
        return a[0] > b[0]
    return a[1] < b[1]


def _top(items, k):
    chosen = []
    for item in items:
        pos = len(chosen)
        while pos > 0 and _better(item, chosen[pos - 1]):
            pos -= 1
        chosen.insert(pos, item)
        del chosen[k:]
    return chosen


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = len(initial_logprobs)
    beams = _top([(float(initial_logprobs[t]), [t]) for t in range(V)], beam_width)
    for _ in range(1, length):
        proposals = []
        for score, seq in beams:
            row = transition_logprobs[seq[-1]]
            proposals += _top([(score + float(row[t]), seq + [t]) for t in range(V)], beam_width)
        beams = _top(proposals, beam_width)
    score, seq = beams[0]
    return tuple(seq), score
