import numpy as np

from grader.casekit import Case


def _random_string(rng, length, alphabet):
    return "".join(rng.choice(list(alphabet), size=length))


def cases():
    rng = np.random.default_rng(105_2026)
    yield Case("kitten to sitting", args=("kitten", "sitting"), visible=True)
    yield Case("from the empty string", args=("", "abc"), visible=True)
    yield Case("flaw to lawn", args=("flaw", "lawn"), visible=True)

    yield Case("both strings empty", args=("", ""))
    yield Case("to the empty string", args=("hello", ""))
    yield Case("from the empty string to a long one", args=("", "tokenization"))
    yield Case("single differing characters", args=("a", "b"))
    yield Case("identical strings", args=("transformer", "transformer"))
    yield Case("one substitution", args=("gradient", "gradiant"))
    yield Case("only insertions needed", args=("attn", "attention"))
    yield Case("only deletions needed", args=("embedding", "bed"))
    yield Case("no characters in common", args=("abc", "xyz"))
    yield Case("swapped neighbours cost two edits", args=("ab", "ba"))
    yield Case("several swapped neighbours", args=("abcdef", "badcfe"))
    yield Case("upper and lower case are different characters", args=("Token", "token"))
    yield Case("spaces are characters too", args=("a b c", "abc"))
    yield Case("non-ASCII characters", args=("naïve café", "naive cafe"))
    yield Case("repeated characters", args=("aaaab", "baaaa"))
    yield Case("intention to execution", args=("intention", "execution"))
    yield Case("first string much longer", args=("sunday afternoon", "saturday"))
    yield Case("random strings, small alphabet", args=(_random_string(rng, 20, "abc"), _random_string(rng, 25, "abc")))
    yield Case("random strings, larger alphabet", args=(_random_string(rng, 40, "abcdefgh"), _random_string(rng, 35, "abcdefgh")))
    yield Case("random strings of equal length", args=(_random_string(rng, 60, "acgt"), _random_string(rng, 60, "acgt")))
    yield Case("random: one character against many", args=(_random_string(rng, 1, "xy"), _random_string(rng, 30, "xyz")))
    yield Case("random: long against short", args=(_random_string(rng, 50, "abcd"), _random_string(rng, 6, "abcd")))
    base = _random_string(rng, 45, "abcdefghijklmnop")
    edited = base[:10] + "Z" + base[12:30] + "QQ" + base[30:44]
    yield Case("a long string and a lightly edited copy", args=(base, edited))
