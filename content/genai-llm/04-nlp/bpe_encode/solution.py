def bpe_encode(word: str, merges: list[tuple[str, str]]) -> list[str]:
    # A pair's rank is its first index in the merge list: lower ranks were learned earlier.
    rank: dict[tuple[str, str], int] = {}
    for index, pair in enumerate(merges):
        rank.setdefault(tuple(pair), index)
    symbols = list(word)
    while len(symbols) > 1:
        ranked = [rank[pair] for pair in zip(symbols, symbols[1:]) if pair in rank]
        if not ranked:
            break
        symbols = _merge(symbols, merges[min(ranked)])
    return symbols


def _merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """Merge every occurrence of `pair`, scanning left to right, never reusing a symbol."""
    left, right = pair
    out = []
    i = 0
    while i < len(symbols):
        if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
            out.append(left + right)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out
