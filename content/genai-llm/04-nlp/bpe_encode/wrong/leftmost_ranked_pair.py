"""The pair to merge is the one of LOWEST RANK (earliest in the merge list) among all adjacent pairs, wherever it sits in the word, not the leftmost pair that has some rank. With merges [("b", "c"), ("a", "b")], "abc" becomes ["a", "bc"]."""


def bpe_encode(word, merges):
    rank = {}
    for i, pair in enumerate(merges):
        rank.setdefault(tuple(pair), i)
    symbols = list(word)
    while True:
        pairs = list(zip(symbols, symbols[1:]))
        ranked = [p for p in pairs if p in rank]
        if not ranked:
            return symbols
        left, right = ranked[0]
        out, i = [], 0
        while i < len(symbols):
            if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
                out.append(left + right)
                i += 2
            else:
                out.append(symbols[i])
                i += 1
        symbols = out
