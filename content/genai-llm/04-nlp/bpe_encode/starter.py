def bpe_encode(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """Tokenise one word with a trained BPE merge list.

    The word starts as its characters. A pair's rank is its index in `merges` (a pair
    listed twice keeps its first index). Repeat: among the adjacent pairs of the current
    symbols, take the one of lowest rank and merge every occurrence of it, left to right
    without overlap; stop when no adjacent pair has a rank.

    Returns the final symbols, e.g. bpe_encode("aaa", [("a", "a")]) == ["aa", "a"].
    """
    raise NotImplementedError("implement bpe_encode")
