import random

from grader.casekit import Case

WORDS = ["the", "a", "cat", "dog", "sat", "on", "mat", "ran", "to", "park", "and", "big", "red"]
UNSEEN = ["bird", "flew", "blue", "house", "quickly", "tree"]


def _sentences(rng: random.Random, count: int, max_len: int, words: list[str], weights: list[float]):
    return [rng.choices(words, weights, k=rng.randint(0, max_len)) for _ in range(count)]


def _random_corpus(rng: random.Random, n_train: int, n_test: int, p_unseen: float):
    weights = [1.0 / (rank + 1) for rank in range(len(WORDS))]  # Zipf-like word frequencies
    train = _sentences(rng, n_train, 8, WORDS, weights)
    test = []
    for _ in range(n_test):
        sentence = rng.choices(WORDS, weights, k=rng.randint(1, 8))
        test.append([rng.choice(UNSEEN) if rng.random() < p_unseen else w for w in sentence])
    return train, test


def cases():
    rng = random.Random(20261206)
    pets = [["the", "cat"], ["the", "dog"]]
    yield Case("two short sentences", args=(pets, [["the", "cat"]]), visible=True)
    yield Case("an unseen word becomes <unk>", args=(pets, [["the", "bird"]]), visible=True)
    yield Case(
        "two test sentences, alpha = 0.5",
        args=([["a", "b", "a"], ["b", "a"]], [["a", "b"], ["b", "b", "a"]], 0.5),
        visible=True,
    )

    train = [["i", "like", "green", "tea"], ["i", "like", "tea"], ["you", "like", "coffee"]]
    yield Case("the end of every sentence is predicted", args=(train, [["i", "like", "tea"]]))
    yield Case("a one-word test sentence", args=(train, [["tea"]]))
    yield Case("an empty test sentence predicts only </s>", args=(train, [[], ["you", "like", "tea"]]))
    yield Case(
        "the mean is pooled over all tokens, not per sentence",
        args=(train, [["i", "like", "green", "tea", "tea", "tea", "like", "i"], ["you"]]),
    )
    yield Case(
        "unseen test words do not enlarge the vocabulary",
        args=(train, [["we", "like", "black", "tea"], ["they", "drink", "milk", "and", "juice"]]),
    )
    yield Case("every test word unseen", args=(train, [["x", "y"], ["z"]]))
    yield Case("a test set identical to the training set", args=(train, [list(s) for s in train]))
    yield Case("alpha below 1", args=(train, [["i", "like", "coffee"], ["you", "like", "green", "tea"]], 0.1))
    yield Case("alpha above 1", args=(train, [["i", "like", "coffee"], ["you", "like", "tea", "tea"]], 2.5))
    yield Case("alpha passed by keyword", args=(train, [["you", "like", "green", "coffee"]]), kwargs={"alpha": 0.25})
    yield Case(
        "an empty training sentence counts <s> followed by </s>",
        args=([["go", "home"], [], ["go"], []], [[], ["go"], ["home", "go"]]),
    )
    yield Case(
        "a word repeated in a row",
        args=([["la", "la", "la", "land"], ["la", "land"]], [["la", "la"], ["land", "la", "la", "la"]]),
    )
    yield Case(
        "tokens are compared exactly (case matters)",
        args=([["The", "cat"], ["the", "dog"]], [["the", "cat"], ["The", "dog"], ["THE"]]),
    )
    yield Case(
        "a word seen only at the end of training sentences",
        args=([["we", "stop"], ["they", "stop"], ["we", "go"]], [["stop", "we"], ["stop"]], 0.5),
    )
    for index, (n_train, n_test, p_unseen, alpha) in enumerate(
        [(20, 5, 0.1, 1.0), (40, 10, 0.2, 0.3), (60, 15, 0.05, 0.05), (15, 8, 0.3, 1.7)]
    ):
        train, test = _random_corpus(rng, n_train, n_test, p_unseen)
        yield Case(f"random corpus #{index + 1}", args=(train, test, alpha))
