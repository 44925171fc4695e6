import numpy as np

from grader.casekit import Case

TEMPLATE = (
    "Answer the question using only the sources below, and cite them by number.\n\n"
    "Sources:\n{context}\n\nQuestion: {question}\nAnswer:"
)
QUESTION_FIRST = "Question: {question}\n\nContext:\n{context}"

TEXTS = [
    "The Brightwater line opened in 1871.",
    "Its first locomotive was called Heron.",
    "The line runs 42 km from Brightwater to Saltmouth.",
    "Trains stop at seven stations on the way.",
    "The viaduct at Millford has eleven arches.",
    "Passenger numbers peaked in 1923.",
    "The line closed to freight in 1965.",
    "Volunteers reopened the northern half in 1994.",
    "Steam trains run on summer weekends.",
    "The workshop restores two coaches a year.",
    "Tickets are sold at Brightwater station only.",
    "Dogs travel free.",
    "The museum shows the original signal box.",
    "A heritage society owns the track.",
    "Saltmouth station was rebuilt after a fire.",
    "The fastest train takes 58 minutes.",
    "Heron is now on display in the museum.",
    "The line crosses the river twice.",
    "Night trains ran until 1939.",
    "The timetable changes every April.",
    "Bicycles need a reservation.",
    "The gradient near Millford is 1 in 60.",
    "Coal came from the Ashby pits.",
    "The society has about 900 members.",
]
GAP = 1e-9  # distinct hidden similarities stay this far apart


def _sims(q_vec, chunk_vecs):
    return chunk_vecs @ q_vec / (np.linalg.norm(chunk_vecs, axis=1) * np.linalg.norm(q_vec))


def _vectors(rng, n, d):
    """Random query and chunk vectors of very different lengths, similarities well apart."""
    while True:
        q = rng.normal(size=d)
        c = rng.normal(size=(n, d)) * 10.0 ** rng.uniform(-1.5, 1.5, size=(n, 1))
        s = np.sort(_sims(q, c))
        if np.all(np.diff(s) > 100 * GAP):
            return q, c


def _ranked(q, c):
    s = _sims(q, c)
    return sorted(range(len(c)), key=lambda i: (-s[i], i))


def _context_len(texts):
    return len("\n".join(f"[{n}] {t}" for n, t in enumerate(texts, start=1)))


def _case(name, question, q, c, texts, k, max_chars, template=TEMPLATE, visible=False):
    return Case(
        name,
        args=(question, q, c, list(texts), k, max_chars, template),
        visible=visible,
        check="text_lines_exactly",
    )


def cases():
    rng = np.random.default_rng(20261208)
    big = 10_000

    # Visible.
    yield _case(
        "four chunks, k = 2",
        "When did the line open?",
        np.array([1.0, 0.0]),
        np.array([[0.0, 1.0], [3.0, 1.0], [1.0, 1.0], [-1.0, 0.5]]),
        ["Dogs travel free.", TEXTS[0], TEXTS[3], TEXTS[5]],
        2,
        200,
        visible=True,
    )
    yield _case(
        "a repeated text, then the budget stops the walk",
        "How long is the line?",
        np.array([0.0, 2.0]),
        np.array([[0.0, 1.0], [0.1, 1.0], [0.5, 1.0], [1.0, 1.0]]),
        [TEXTS[2], TEXTS[2], TEXTS[15], TEXTS[11]],
        3,
        100,
        visible=True,
    )

    # Hidden: ranking.
    q, c = _vectors(rng, 12, 8)
    yield _case(
        "ranked by cosine similarity, not by the dot product", "Q?", q, c, TEXTS[:12], 4, big
    )
    q, c = _vectors(rng, 40, 64)
    texts = [TEXTS[i % len(TEXTS)] + f" (page {i})" for i in range(40)]
    yield _case("many chunks in a higher dimension", "What runs on weekends?", q, c, texts, 6, big)
    q, c = _vectors(rng, 4, 5)
    yield _case("k larger than the number of chunks", "Q?", q, c, TEXTS[4:8], 10, big)
    q, c = _vectors(rng, 6, 5)
    yield _case("k = 1 keeps only the best chunk", "Q?", q, c, TEXTS[6:12], 1, big)

    # Hidden: ties, with exactly representable integer vectors.
    q = np.array([2.0, -1.0, 3.0, 1.0])
    base = np.array([[1.0, 0.0, 2.0, 1.0], [3.0, 1.0, 0.0, 0.0], [0.0, -2.0, 1.0, 0.0]])
    c = np.array([base[1], base[0], base[2], base[0], base[1], base[0]])
    yield _case(
        "ties between duplicate vectors go to the lower index", "Q?", q, c, TEXTS[8:14], 4, big
    )
    c = np.array([base[2], base[0] * 4.0, base[1], base[0], base[0] * 0.5, base[1] * 2.0])
    yield _case(
        "ties between scaled copies go to the lower index", "Q?", q, c, TEXTS[14:20], 5, big
    )

    # Hidden: repeated texts.
    q, c = _vectors(rng, 8, 6)
    order = _ranked(q, c)
    texts = [""] * 8
    for rank, i in enumerate(order):
        texts[i] = TEXTS[[0, 0, 1, 0, 2, 3, 1, 4][rank]]
    yield _case("repeated texts are kept once", "Q?", q, c, texts, 8, big)
    yield _case("a repeated text does not count towards k", "Q?", q, c, texts, 3, big)

    # Hidden: the budget.
    q, c = _vectors(rng, 10, 6)
    order = _ranked(q, c)
    texts = TEXTS[:10]
    ranked_texts = [texts[i] for i in order]
    three = _context_len(ranked_texts[:3])
    # The fourth chunk's text fits in what is left, but its "[4] " and newline do not.
    budget = three + len(ranked_texts[3]) + 2
    yield _case("the budget counts the numbers and the newlines", "Q?", q, c, texts, 6, budget)
    yield _case("a context of exactly max_chars fits", "Q?", q, c, texts, 6, three)
    yield _case("one character short stops before the chunk", "Q?", q, c, texts, 6, three - 1)

    # A long chunk that does not fit, followed by short ones that would.
    q, c = _vectors(rng, 8, 6)
    order = _ranked(q, c)
    texts = list(TEXTS[16:24])
    texts[order[2]] = " ".join(TEXTS[:6])  # about 220 characters
    texts[order[3]] = "Dogs travel free."
    budget = _context_len([texts[i] for i in order[:2]]) + 60
    yield _case("the walk stops at the first chunk that does not fit", "Q?", q, c, texts, 8, budget)
    q, c = _vectors(rng, 5, 4)
    yield _case("the best chunk does not fit: empty context", "Q?", q, c, TEXTS[:5], 3, 20)
    yield _case("max_chars = 0", "Q?", q, c, TEXTS[5:10], 3, 0)

    # Ten or more kept lines: "[10] " is one character longer than "[9] ".
    q, c = _vectors(rng, 14, 6)
    texts = [f"Fact {chr(65 + i)}." for i in range(14)]
    ranked = [texts[i] for i in _ranked(q, c)]
    yield _case(
        "from the tenth line on the numbers take two digits",
        "Q?",
        q,
        c,
        texts,
        14,
        _context_len(ranked[:11]) - 1,  # ten lines fit, the eleventh by one character not
    )

    # Braces are plain text inside the values.
    q, c = _vectors(rng, 4, 4)
    texts = ["Use {question} as a placeholder.", "A set is written {1, 2}.", "{0} and {}", TEXTS[1]]
    yield _case(
        "braces in the question and the chunks are plain text",
        "What does {context} mean in a {template}?",
        q,
        c,
        texts,
        4,
        big,
    )
    q, c = _vectors(rng, 6, 5)
    yield _case(
        "a template with the question first",
        "Which station was rebuilt?",
        q,
        c,
        TEXTS[10:16],
        3,
        big,
        template=QUESTION_FIRST,
    )
