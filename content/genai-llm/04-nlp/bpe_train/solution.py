from collections import Counter


def bpe_train(words: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    # Each word is a list of symbols (strings), starting from its characters.
    vocab = [(list(word), count) for word, count in words.items()]
    merges: list[tuple[str, str]] = []
    for _ in range(num_merges):
        pairs: Counter = Counter()
        for symbols, count in vocab:
            # zip over neighbours sees every adjacent pair, overlapping ones included.
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += count
        if not pairs:
            break
        # Highest count first; among equal counts, the smallest pair by tuple order.
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        vocab = [(_merge(symbols, best), count) for symbols, count in vocab]
    return merges


def _merge(symbols: list[str], pair: tuple[str, str]) -> list[str]:
    """Replace each occurrence of `pair`, scanning left to right, never reusing a symbol."""
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
