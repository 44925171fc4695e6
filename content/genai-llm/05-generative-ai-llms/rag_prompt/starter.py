import numpy as np


def rag_prompt(question, q_vec, chunk_vecs, chunks, k, max_chars, template):
    """Build a retrieval-augmented prompt.

    q_vec (d,), chunk_vecs (n, d), chunks: n strings. Rank the chunks by cosine
    similarity to q_vec (highest first, ties to the lower index). Walk the ranking:
    skip a text already kept; keep a chunk if the context still fits with it, else
    stop; stop once k are kept. The context is the kept texts as lines "[1] text",
    "[2] text", ... joined by "\n"; it fits when len(context) <= max_chars.
    Return template.format(context=context, question=question).
    """
    raise NotImplementedError("implement rag_prompt")
