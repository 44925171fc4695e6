"""A pair listed twice in merges keeps its FIRST index as its rank. {pair: i for i, pair in enumerate(merges)} overwrites it with the last index; fill the table with setdefault, or skip pairs already in it."""


def bpe_encode(word, merges):
    rank = {tuple(pair): i for i, pair in enumerate(merges)}
    symbols = list(word)
    while len(symbols) > 1:
        ranked = [rank[p] for p in zip(symbols, symbols[1:]) if p in rank]
        if not ranked:
            break
        left, right = merges[min(ranked)]
        out, i = [], 0
        while i < len(symbols):
            if i + 1 < len(symbols) and symbols[i] == left and symbols[i + 1] == right:
                out.append(left + right)
                i += 2
            else:
                out.append(symbols[i])
                i += 1
        symbols = out
    return symbols
