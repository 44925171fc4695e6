"""Occurrences are merged scanning from the LEFT: "aaa" with ("a", "a") gives ["aa", "a"], not ["a", "aa"]. Which end you start from decides which symbols the next merges can see."""


def bpe_encode(word, merges):
    rank = {}
    for i, pair in enumerate(merges):
        rank.setdefault(tuple(pair), i)
    symbols = list(word)
    while len(symbols) > 1:
        ranked = [rank[p] for p in zip(symbols, symbols[1:]) if p in rank]
        if not ranked:
            break
        left, right = merges[min(ranked)]
        out, i = [], len(symbols) - 1
        while i >= 0:
            if i >= 1 and symbols[i - 1] == left and symbols[i] == right:
                out.append(left + right)
                i -= 2
            else:
                out.append(symbols[i])
                i -= 1
        symbols = out[::-1]
    return symbols
