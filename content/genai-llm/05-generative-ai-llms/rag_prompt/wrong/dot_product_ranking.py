"""The chunks are ranked by the raw dot product, which favours long vectors whatever their direction. Rank by cosine similarity: divide each dot product by the lengths of both vectors."""
import numpy as np


def rag_prompt(question, q_vec, chunk_vecs, chunks, k, max_chars, template):
    sims = chunk_vecs @ q_vec
    ranking = sorted(range(len(chunks)), key=lambda i: (-sims[i], i))
    kept = []
    for i in ranking:
        if len(kept) == k:
            break
        if chunks[i] in kept:
            continue
        lines = [f"[{n}] {t}" for n, t in enumerate(kept + [chunks[i]], start=1)]
        if len("\n".join(lines)) > max_chars:
            break
        kept.append(chunks[i])
    context = "\n".join(f"[{n}] {t}" for n, t in enumerate(kept, start=1))
    return template.format(context=context, question=question)
