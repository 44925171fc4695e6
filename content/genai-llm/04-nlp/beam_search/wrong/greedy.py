"""This is greedy decoding: it always follows the single best next token, so a sequence whose first step looks worse but whose later steps are much better is never found. Keep beam_width partial sequences alive and compare all their extensions at every step."""
import numpy as np


def beam_search(initial_logprobs, transition_logprobs, length, beam_width):
    sequence = [int(np.argmax(initial_logprobs))]
    score = float(initial_logprobs[sequence[0]])
    for _ in range(length - 1):
        row = transition_logprobs[sequence[-1]]
        token = int(np.argmax(row))
        sequence.append(token)
        score += float(row[token])
    return sequence, score
