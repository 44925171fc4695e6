"""The budget is on the whole context, len(context) <= max_chars, so the "[i] " numbers and the newlines between lines count too, not just the chunk texts. Measure the context as it would be with the chunk added."""
import numpy as np


def rag_prompt(question, q_vec, chunk_vecs, chunks, k, max_chars, template):
    sims = chunk_vecs @ q_vec / (np.linalg.norm(chunk_vecs, axis=1) * np.linalg.norm(q_vec))
    ranking = sorted(range(len(chunks)), key=lambda i: (-sims[i], i))
    kept, used = [], 0
    for i in ranking:
        if len(kept) == k:
            break
        if chunks[i] in kept:
            continue
        if used + len(chunks[i]) > max_chars:
            break
        kept.append(chunks[i])
        used += len(chunks[i])
    context = "\n".join(f"[{n}] {t}" for n, t in enumerate(kept, start=1))
    return template.format(context=context, question=question)
