"""Symbols held as tuples; pairs ranked with a full sort; merging done recursively."""


def _merge(symbols, left, right):
    if len(symbols) < 2:
        return symbols
    if symbols[0] == left and symbols[1] == right:
        return (left + right,) + _merge(symbols[2:], left, right)
    return symbols[:1] + _merge(symbols[1:], left, right)


def bpe_train(words: dict, num_merges: int):
    corpus = [(tuple(w), n) for w, n in words.items()]
    result = []
    for _step in range(num_merges):
        table = {}
        for symbols, n in corpus:
            for k in range(1, len(symbols)):
                key = (symbols[k - 1], symbols[k])
                table[key] = table.get(key, 0) + n
        if len(table) == 0:
            return result
        order = sorted(table, key=lambda key: (-table[key], key))
        left, right = order[0]
        result.append((left, right))
        corpus = [(_merge(symbols, left, right), n) for symbols, n in corpus]
    return result
