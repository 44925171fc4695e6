from grader.casekit import Case


def cases():
    # Visible: small and readable.
    yield Case("three positions, d_model = 4", args=(3, 4), visible=True)
    yield Case("d_model = 2: the sine and cosine of the position", args=(4, 2), visible=True)
    yield Case("position 0 alone: sines are 0, cosines are 1", args=(1, 6), visible=True)

    # Hidden.
    yield Case("columns alternate sine, cosine", args=(10, 8))
    yield Case("each sine/cosine pair shares one frequency", args=(16, 32))
    yield Case("frequencies fall with 2i / d_model", args=(20, 64))
    yield Case("wide encoding", args=(8, 128))
    yield Case("d_model not a power of two", args=(40, 6))
    yield Case("d_model not a power of two, longer", args=(300, 10))
    yield Case("positions up to 511", args=(512, 8))
    yield Case("positions up to 255, d_model = 16", args=(256, 16))
    yield Case("a single position, d_model = 2", args=(1, 2))
    yield Case("arguments passed as keywords", kwargs={"seq_len": 12, "d_model": 12})
    yield Case("d_model passed as a keyword", args=(50,), kwargs={"d_model": 20})
