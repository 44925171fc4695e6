import math


def rag_prompt(question, q_vec, chunk_vecs, chunks, k, max_chars, template):
    q = [float(x) for x in q_vec]
    q_norm = math.sqrt(sum(x * x for x in q))
    scored = []
    for i, row in enumerate(chunk_vecs):
        row = [float(x) for x in row]
        cos = sum(a * b for a, b in zip(row, q, strict=True)) / (math.sqrt(sum(a * a for a in row)) * q_norm)
        scored.append((-cos, i))
    scored.sort()
    kept = []
    for _, i in scored:
        if len(kept) >= k:
            break
        if chunks[i] in kept:
            continue
        trial = "\n".join(f"[{n + 1}] {t}" for n, t in enumerate(kept + [chunks[i]]))
        if len(trial) > max_chars:
            break
        kept.append(chunks[i])
    context = "\n".join(f"[{n + 1}] {t}" for n, t in enumerate(kept))
    # Substitute both placeholders in one left-to-right pass over the template only.
    pieces = template.split("{context}")
    filled = [piece.replace("{question}", question) for piece in pieces]
    return context.join(filled)
