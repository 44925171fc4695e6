"""The same text is kept twice: documents are often indexed more than once (copies, overlapping chunks), and a repeated source wastes the budget. Skip a chunk whose text equals one already kept (it does not count towards k)."""
import numpy as np


def rag_prompt(question, q_vec, chunk_vecs, chunks, k, max_chars, template):
    sims = chunk_vecs @ q_vec / (np.linalg.norm(chunk_vecs, axis=1) * np.linalg.norm(q_vec))
    ranking = sorted(range(len(chunks)), key=lambda i: (-sims[i], i))
    kept = []
    for i in ranking:
        if len(kept) == k:
            break
        lines = [f"[{n}] {t}" for n, t in enumerate(kept + [chunks[i]], start=1)]
        if len("\n".join(lines)) > max_chars:
            break
        kept.append(chunks[i])
    context = "\n".join(f"[{n}] {t}" for n, t in enumerate(kept, start=1))
    return template.format(context=context, question=question)
