def bpe_encode(word, merges):
    ranks = {}
    for i, pair in enumerate(merges):
        if pair not in ranks:
            ranks[pair] = i
    symbols = tuple(word)
    if len(symbols) < 2:
        return list(symbols)
    while True:
        pairs = set(zip(symbols, symbols[1:]))
        first, second = min(pairs, key=lambda pair: ranks.get(pair, float("inf")))
        if (first, second) not in ranks:
            break
        # Jump from one occurrence of `first` to the next with tuple.index.
        merged = []
        i = 0
        while i < len(symbols):
            try:
                j = symbols.index(first, i)
            except ValueError:
                merged.extend(symbols[i:])
                break
            merged.extend(symbols[i:j])
            if j + 1 < len(symbols) and symbols[j + 1] == second:
                merged.append(first + second)
                i = j + 2
            else:
                merged.append(first)
                i = j + 1
        symbols = tuple(merged)
        if len(symbols) == 1:
            break
    return list(symbols)
