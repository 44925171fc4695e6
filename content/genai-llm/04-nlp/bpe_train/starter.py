def bpe_train(words: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    """Learn up to `num_merges` byte-pair-encoding merges from word counts.

    words maps each word to how often it occurs; every word starts as the list of
    its characters. Each step: count every adjacent pair of symbols (overlapping
    occurrences included), weighted by the word's count; merge the most frequent
    pair (ties: the smallest pair by tuple order) everywhere, left to right without
    overlap. Stop early when no word has two symbols left.

    Returns the merges in the order they were made, e.g. [("l", "o"), ("lo", "w")].
    """
    raise NotImplementedError("implement bpe_train")
