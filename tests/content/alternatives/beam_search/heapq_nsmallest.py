"""heapq.nsmallest with the key (-score, sequence); sequences as tuples."""

import heapq


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    V = initial_logprobs.shape[0]
    key = lambda item: (-item[1], item[0])  # noqa: E731
    beams = heapq.nsmallest(beam_width, (((t,), initial_logprobs[t]) for t in range(V)), key=key)
    for _ in range(length - 1):
        expanded = (
            (seq + (t,), score + transition_logprobs[seq[-1], t])
            for seq, score in beams
            for t in range(V)
        )
        beams = heapq.nsmallest(beam_width, expanded, key=key)
    seq, score = beams[0]
    return seq, score
