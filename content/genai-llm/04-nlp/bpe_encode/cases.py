import random
from collections import Counter

from grader.casekit import Case

LESSON_MERGES = [("e", "a"), ("ea", "r"), ("ea", "n"), ("l", "ean"), ("n", "ear")]


def _train(words: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    """A small BPE trainer (as in the bpe_train exercise), to get realistic merge lists."""
    vocab = [(list(word), count) for word, count in words.items()]
    merges = []
    for _ in range(num_merges):
        pairs: Counter = Counter()
        for symbols, count in vocab:
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += count
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        merges.append(best)
        joined = []
        for symbols, count in vocab:
            out, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    out.append(best[0] + best[1])
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            joined.append((out, count))
        vocab = joined
    return merges


def _random_merges(rng: random.Random, alphabet: str, n: int) -> list[tuple[str, str]]:
    """Pairs of symbols built up from the alphabet, then shuffled: ranks no longer follow
    the order in which the symbols can form, so lower-ranked pairs appear late."""
    symbols = list(alphabet)
    merges = []
    for _ in range(n):
        left, right = rng.choice(symbols), rng.choice(symbols)
        merges.append((left, right))
        symbols.append(left + right)
    rng.shuffle(merges)
    return merges


def _word(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


CORPUS = {
    "the": 60, "then": 12, "there": 10, "these": 8, "this": 25, "that": 30, "other": 9,
    "lower": 4, "lowest": 3, "newer": 6, "newest": 6, "wider": 3, "widest": 3, "new": 12,
    "low": 8, "slow": 5, "slower": 2, "token": 7, "tokens": 6, "tokenise": 2, "open": 4,
}


def cases():
    rng = random.Random(20261206)

    # Visible: the lesson's merges, a run of one letter, and ranks beating list order.
    yield Case("the lesson's merges on 'cleaner'", args=("cleaner", LESSON_MERGES), visible=True)
    yield Case("a run of one letter merges left to right", args=("aaa", [("a", "a")]), visible=True)
    yield Case(
        "a pair formed by a later merge can still have a lower rank",
        args=("abc", [("a", "bc"), ("b", "c")]),
        visible=True,
    )

    # The contract's edge cases.
    yield Case("the empty word", args=("", LESSON_MERGES))
    yield Case("a single character", args=("x", [("x", "y")]))
    yield Case("no merges at all", args=("lean", []))
    yield Case("no merge applies", args=("xyz", LESSON_MERGES))
    yield Case("a pair listed twice keeps its first rank", args=("abc", [("a", "b"), ("b", "c"), ("a", "b")]))

    # The lowest rank, not the leftmost or the first in the list.
    yield Case("the lowest-ranked pair, not the leftmost ranked one", args=("abc", [("b", "c"), ("a", "b")]))
    yield Case(
        "lowest rank wins wherever it sits in the word",
        args=("xabcdy", [("c", "d"), ("b", "c"), ("a", "b"), ("x", "a")]),
    )
    yield Case(
        "merges chain: later pairs of lower rank keep merging",
        args=("abcd", [("a", "bcd"), ("a", "b"), ("bc", "d"), ("b", "c")]),
    )
    yield Case("the lesson's merges on other words", args=("nearly", LESSON_MERGES))
    yield Case("the lesson's merges on a repeated word", args=("learnlearn", LESSON_MERGES))

    # Every occurrence, left to right, without overlap.
    yield Case("an odd run keeps its last symbol alone", args=("aaaaa", [("a", "a")]))
    yield Case("a run merges into pairs, then pairs of pairs", args=("aaaaaa", [("a", "a"), ("aa", "aa")]))
    yield Case("every occurrence of the chosen pair is merged", args=("abab", [("ab", "a"), ("a", "b")]))
    yield Case("a new pair must not steal from later occurrences", args=("ababab", [("ab", "a"), ("a", "b")]))
    yield Case("occurrences far apart are all merged", args=("abxxab", [("ab", "x"), ("a", "b"), ("x", "x")]))
    yield Case(
        "left to right decides which neighbours remain",
        args=("aab", [("a", "a"), ("a", "b"), ("aa", "b")]),
    )
    yield Case("three in a row with a right-hand merge available", args=("aaab", [("a", "a"), ("a", "ab"), ("a", "b")]))

    # Symbols are strings: equal strings are the same symbol, whatever merges made them.
    yield Case(
        "a merged symbol equals one made another way",
        args=("abcabc", [("b", "c"), ("ab", "c"), ("a", "bc"), ("abc", "abc")]),
    )
    yield Case("only whole symbols are merged", args=("cabab", [("c", "a"), ("a", "b")]))
    yield Case("characters beyond ASCII", args=("café", [("f", "é"), ("a", "fé"), ("c", "afé")]))

    # Merge lists from a trainer, and random ones.
    trained = _train(CORPUS, 40)
    words = ["the", "lowest", "slowest", "tokenisers", "newer", "thesis", "opener"]
    for index, word in enumerate(words):
        yield Case(f"merges from a trainer, English word #{index + 1}", args=(word, trained))
    for index in range(6):
        alphabet = "abc" if index % 2 == 0 else "abcd"
        merges = _random_merges(rng, alphabet, 12 + 4 * index)
        word = _word(rng, alphabet, 10 + 3 * index)
        yield Case(f"shuffled merge list #{index + 1}", args=(word, merges))
    long_merges = _train({_word(rng, "ab", rng.randint(3, 9)): rng.randint(1, 9) for _ in range(30)}, 30)
    yield Case("a long word of two letters", args=(_word(rng, "ab", 60), long_merges))
