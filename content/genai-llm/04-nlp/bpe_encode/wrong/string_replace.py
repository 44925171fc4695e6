"""Replacing "a b" by "ab" in the space-joined symbols also matches inside longer symbols: in "ca b", the text "a b" is found although the symbols are "ca" and "b", not "a" and "b". Compare whole symbols in a list (or match only at symbol boundaries)."""


def bpe_encode(word, merges):
    rank = {}
    for i, pair in enumerate(merges):
        rank.setdefault(tuple(pair), i)
    text = " ".join(word)
    while True:
        symbols = text.split()
        ranked = [rank[p] for p in zip(symbols, symbols[1:]) if p in rank]
        if not ranked:
            return symbols
        left, right = merges[min(ranked)]
        text = text.replace(f"{left} {right}", left + right)
