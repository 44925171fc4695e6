import numpy as np


def _context(texts):
    return "\n".join(f"[{number}] {text}" for number, text in enumerate(texts, start=1))


def rag_prompt(question, q_vec, chunk_vecs, chunks, k, max_chars, template):
    """Fill template with the top chunks by cosine similarity that fit in max_chars."""
    norms = np.linalg.norm(chunk_vecs, axis=1) * np.linalg.norm(q_vec)
    sims = (chunk_vecs @ q_vec) / norms
    ranking = sorted(range(len(chunks)), key=lambda i: (-sims[i], i))
    kept = []
    for i in ranking:
        if len(kept) == k:
            break
        if chunks[i] in kept:
            continue  # the same text twice adds nothing
        if len(_context(kept + [chunks[i]])) > max_chars:
            break  # the walk stops here: no smaller chunk is packed in after it
        kept.append(chunks[i])
    # format() never re-reads the inserted values: braces in them stay plain text.
    return template.format(context=_context(kept), question=question)
