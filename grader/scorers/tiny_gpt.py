"""Trusted scorer of contract 38 (`tiny_gpt_train`): a one-block character GPT in float64.

Platform code, not course code: it runs in the grading worker on weights that came back
from the sandbox as plain arrays, and on held-out texts that never enter the sandbox.
The learner's code never computes the number that grades it.
"""

from __future__ import annotations

import math

import numpy as np

VOCAB, D_MODEL, HEADS, CONTEXT, HIDDEN = 96, 64, 4, 64, 256
EPS = 1e-5

PARAMETERS: dict[str, tuple[int, ...]] = {
    "tok_emb.weight": (VOCAB, D_MODEL),
    "pos_emb.weight": (CONTEXT, D_MODEL),
    "block.ln1.weight": (D_MODEL,),
    "block.ln1.bias": (D_MODEL,),
    "block.attn.qkv.weight": (3 * D_MODEL, D_MODEL),
    "block.attn.qkv.bias": (3 * D_MODEL,),
    "block.attn.proj.weight": (D_MODEL, D_MODEL),
    "block.attn.proj.bias": (D_MODEL,),
    "block.ln2.weight": (D_MODEL,),
    "block.ln2.bias": (D_MODEL,),
    "block.mlp.fc.weight": (HIDDEN, D_MODEL),
    "block.mlp.fc.bias": (HIDDEN,),
    "block.mlp.proj.weight": (D_MODEL, HIDDEN),
    "block.mlp.proj.bias": (D_MODEL,),
    "ln_f.weight": (D_MODEL,),
    "ln_f.bias": (D_MODEL,),
}
DTYPES = ("float32", "float64")
UNIT = "nats per character"


def encode(text: str) -> np.ndarray:
    """The contract's alphabet: "\\n" -> 0, " " .. "~" -> 1 .. 95 (id = ord(c) - 31)."""
    ids = np.array([0 if c == "\n" else ord(c) - 31 for c in text], dtype=np.int64)
    if ids.size and (ids.min() < 0 or ids.max() >= VOCAB):
        bad = next(c for c in text if c != "\n" and not 32 <= ord(c) <= 126)
        raise ValueError(f"character {bad!r} is outside the 96-symbol alphabet")
    return ids


def decode(ids) -> str:
    return "".join("\n" if int(i) == 0 else chr(int(i) + 31) for i in ids)


def windows(ids: np.ndarray) -> list[np.ndarray]:
    """ids[s : s + 65] for s = 0, 64, 128, ...: 64 inputs predicting the next 64."""
    out = []
    for start in range(0, len(ids) - 1, CONTEXT):
        window = ids[start : start + CONTEXT + 1]
        if len(window) >= 2:
            out.append(window)
    return out


def logits(params: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    """ids (T,) with T <= 64 -> logits (T, 96), computed in float64."""
    import torch

    p = {name: torch.from_numpy(np.asarray(v, dtype=np.float64)) for name, v in params.items()}
    ids = torch.from_numpy(np.asarray(ids, dtype=np.int64))
    T = len(ids)
    x = p["tok_emb.weight"][ids] + p["pos_emb.weight"][:T]
    h = _layer_norm(x, p["block.ln1.weight"], p["block.ln1.bias"])
    qkv = h @ p["block.attn.qkv.weight"].T + p["block.attn.qkv.bias"]
    dh = D_MODEL // HEADS
    future = torch.ones(T, T, dtype=torch.bool).triu(1)
    heads = []
    for j in range(HEADS):
        q = qkv[:, j * dh : (j + 1) * dh]
        k = qkv[:, D_MODEL + j * dh : D_MODEL + (j + 1) * dh]
        v = qkv[:, 2 * D_MODEL + j * dh : 2 * D_MODEL + (j + 1) * dh]
        scores = (q @ k.T / math.sqrt(dh)).masked_fill(future, -math.inf)
        heads.append(torch.softmax(scores, dim=-1) @ v)
    x = x + torch.cat(heads, dim=-1) @ p["block.attn.proj.weight"].T + p["block.attn.proj.bias"]
    h = _layer_norm(x, p["block.ln2.weight"], p["block.ln2.bias"])
    h = h @ p["block.mlp.fc.weight"].T + p["block.mlp.fc.bias"]
    h = 0.5 * h * (1.0 + torch.erf(h / math.sqrt(2.0)))  # the exact GELU
    x = x + h @ p["block.mlp.proj.weight"].T + p["block.mlp.proj.bias"]
    x = _layer_norm(x, p["ln_f.weight"], p["ln_f.bias"])
    return (x @ p["tok_emb.weight"].T).numpy()


def _layer_norm(x, weight, bias):
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)  # biased, as the contract says
    return (x - mean) / (var + EPS).sqrt() * weight + bias


def nll(params: dict[str, np.ndarray], text: str) -> tuple[float, int]:
    """(summed negative log-likelihood in nats, number of predicted characters) of a text."""
    total, count = 0.0, 0
    for window in windows(encode(text)):
        z = logits(params, window[:-1])
        z = z - z.max(axis=-1, keepdims=True)
        log_probs = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        targets = window[1:]
        total -= float(log_probs[np.arange(len(targets)), targets].sum())
        count += len(targets)
    return total, count
