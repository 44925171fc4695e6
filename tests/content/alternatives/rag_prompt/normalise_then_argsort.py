import numpy as np


def rag_prompt(question, q_vec, chunk_vecs, chunks, k, max_chars, template):
    unit_chunks = chunk_vecs / np.linalg.norm(chunk_vecs, axis=1, keepdims=True)
    unit_q = q_vec / np.linalg.norm(q_vec)
    sims = unit_chunks @ unit_q
    order = np.argsort(-sims, kind="stable")  # stable: equal similarities keep index order
    lines, seen, length = [], set(), 0
    for i in order:
        if len(lines) == k:
            break
        text = chunks[i]
        if text in seen:
            continue
        line = f"[{len(lines) + 1}] {text}"
        new_length = length + len(line) + (1 if lines else 0)
        if new_length > max_chars:
            break
        lines.append(line)
        seen.add(text)
        length = new_length
    return template.format(context="\n".join(lines), question=question)
