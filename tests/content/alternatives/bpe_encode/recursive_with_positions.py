def _rank_table(merges):
    table = {}
    for position, (left, right) in enumerate(merges):
        table.setdefault((left, right), position)
    return table


def _encode(symbols, table, merges):
    candidates = [table[p] for p in zip(symbols, symbols[1:]) if p in table]
    if not candidates:
        return symbols
    left, right = merges[min(candidates)]
    result = []
    skip = False
    for index, symbol in enumerate(symbols):
        if skip:
            skip = False
            continue
        if symbol == left and index + 1 < len(symbols) and symbols[index + 1] == right:
            result.append(left + right)
            skip = True
        else:
            result.append(symbol)
    return _encode(result, table, merges)


def bpe_encode(word, merges):
    return _encode([c for c in word], _rank_table(merges), merges)
