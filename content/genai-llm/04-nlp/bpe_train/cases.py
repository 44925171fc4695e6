import random

from grader.casekit import Case


def _random_words(rng: random.Random, alphabet: str, n_words: int, max_len: int) -> dict[str, int]:
    words: dict[str, int] = {}
    while len(words) < n_words:
        length = rng.randint(1, max_len)
        word = "".join(rng.choice(alphabet) for _ in range(length))
        words[word] = rng.randint(1, 20)
    return words


def cases():
    rng = random.Random(20261204)
    yield Case(
        "low, lower, newest, widest",
        args=({"low": 5, "lower": 2, "newest": 6, "widest": 3}, 6),
        visible=True,
    )
    yield Case("a run of one letter, stopping early", args=({"aaaa": 1}, 3), visible=True)
    yield Case("a tie goes to the smaller pair", args=({"ba": 2, "ab": 2}, 1), visible=True)

    # Counting.
    yield Case("pair counts are weighted by word counts", args=({"abc": 1, "abd": 1, "ce": 3}, 2))
    yield Case("every word's count matters", args=({"ab": 1, "cd": 1, "ef": 5}, 1))
    yield Case("overlapping occurrences are all counted", args=({"aaa": 3, "bc": 5}, 2))
    yield Case("a long run counts every overlapping pair", args=({"xxxxx": 2, "xy": 7}, 4))
    yield Case("counts are recomputed after every merge", args=({"abcd": 4, "bcd": 3, "cde": 3, "ab": 2}, 6))

    # Ties.
    yield Case("ties go to the smallest pair, not the first seen", args=({"mn": 2, "zy": 2, "ab": 2}, 1))
    yield Case("ties go to the smallest pair, not the largest", args=({"ab": 3, "zy": 3, "mn": 3}, 3))
    yield Case("ties compare the first symbol, then the second", args=({"aba": 3, "az": 3}, 3))
    yield Case("ties after merges are broken by symbol strings", args=({"abab": 1, "abba": 1, "baab": 1}, 6))

    # Merging.
    yield Case("merges run left to right without overlap", args=({"aaa": 2}, 2))
    yield Case("an even run merges into pairs", args=({"aaaaaa": 1, "ab": 1}, 4))
    yield Case("a pair is merged everywhere in a word", args=({"abxab": 2, "xb": 3}, 3))
    yield Case("a pair is merged in every word", args=({"abc": 2, "cab": 2, "bab": 1}, 4))
    yield Case("only whole symbols are merged", args=({"cab": 2, "ca": 5, "ab": 3}, 3))
    yield Case("merged symbols keep merging", args=({"hello": 4, "help": 3, "hell": 2}, 10))

    # Stopping.
    yield Case("stops early when no pair remains", args=({"ab": 3, "c": 2}, 10))
    yield Case("single-letter words give no merges", args=({"a": 4, "b": 1}, 3))
    yield Case("zero merges requested", args=({"abc": 2}, 0))

    yield Case(
        "a small English word list",
        args=(
            {
                "the": 50, "then": 12, "there": 9, "these": 7, "this": 20, "that": 25,
                "low": 5, "lower": 2, "lowest": 3, "newer": 6, "wider": 3, "new": 10,
                "other": 8, "mother": 2, "bother": 1,
            },
            25,
        ),
    )
    for index, (alphabet, n_words, max_len, merges) in enumerate(
        [("abc", 6, 6, 8), ("abcd", 10, 8, 15), ("abcde", 14, 9, 25), ("ab", 8, 10, 40), ("xyzw", 12, 7, 12)]
    ):
        words = _random_words(rng, alphabet, n_words, max_len)
        yield Case(f"random word counts #{index + 1}", args=(words, merges))
