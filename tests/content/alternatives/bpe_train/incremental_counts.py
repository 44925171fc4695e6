"""Keeps pair counts up to date incrementally: only the words that contain the merged
pair are recounted. Returns the merges as lists."""


def _pairs(symbols):
    return list(zip(symbols, symbols[1:], strict=False))


def bpe_train(words, num_merges):
    segs = {word: list(word) for word in words}
    counts = {}
    where = {}
    for word, count in words.items():
        for pair in _pairs(segs[word]):
            counts[pair] = counts.get(pair, 0) + count
            where.setdefault(pair, set()).add(word)
    merges = []
    while len(merges) < num_merges:
        live = [pair for pair, c in counts.items() if c > 0]
        if not live:
            break
        top = max(counts[pair] for pair in live)
        best = min(pair for pair in live if counts[pair] == top)
        merges.append([best[0], best[1]])
        for word in sorted(where.get(best, ())):
            old = segs[word]
            if best not in _pairs(old):
                continue
            for pair in _pairs(old):
                counts[pair] -= words[word]
            new = []
            i = 0
            while i < len(old):
                if old[i : i + 2] == [best[0], best[1]]:
                    new.append(best[0] + best[1])
                    i += 2
                else:
                    new.append(old[i])
                    i += 1
            segs[word] = new
            for pair in _pairs(new):
                counts[pair] = counts.get(pair, 0) + words[word]
                where.setdefault(pair, set()).add(word)
    return merges
