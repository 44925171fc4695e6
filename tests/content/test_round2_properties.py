"""Properties the round-2 contracts promise about their references, checked against torch's
own implementations (the references are trusted code, run here in-process)."""

from pathlib import Path

import torch
import torch.nn.functional as F
from django.conf import settings

STAGE5 = settings.CONTENT_DIR / "genai-llm" / "05-generative-ai-llms"


def reference(slug: str):
    path: Path = STAGE5 / slug / "solution.py"
    namespace: dict = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)  # noqa: S102 - trusted
    return namespace[slug]


def test_kv_cache_steps_reproduce_causal_attention_row_by_row():
    step = reference("kv_cache_attention_step")
    gen = torch.Generator().manual_seed(0)
    B, H, L, d, dv = 2, 3, 9, 8, 5
    q, k = torch.randn(B, H, L, d, generator=gen), torch.randn(B, H, L, d, generator=gen)
    v = torch.randn(B, H, L, dv, generator=gen)
    full = F.scaled_dot_product_attention(q, k, v, is_causal=True)

    K, V = torch.zeros(B, H, 0, d), torch.zeros(B, H, 0, dv)
    for s in range(L):
        out, K, V = step(q[:, :, s : s + 1], k[:, :, s : s + 1], v[:, :, s : s + 1], K, V)
        torch.testing.assert_close(out, full[:, :, s : s + 1])
    torch.testing.assert_close(K, k)
    torch.testing.assert_close(V, v)


def test_attention_mask_agrees_with_torch_causal_attention_on_real_positions():
    mask_of = reference("attention_mask")
    gen = torch.Generator().manual_seed(1)
    lengths, L = torch.tensor([5, 2, 7]), 7
    q, k, v = (torch.randn(3, 2, L, 4, generator=gen) for _ in range(3))

    masked = F.scaled_dot_product_attention(q, k, v, attn_mask=mask_of(lengths, L, True))

    assert not masked.isnan().any()  # padded query rows keep their keys: no empty softmax
    for b, n in enumerate(lengths.tolist()):
        alone = F.scaled_dot_product_attention(
            q[b : b + 1, :, :n], k[b : b + 1, :, :n], v[b : b + 1, :, :n], is_causal=True
        )
        torch.testing.assert_close(masked[b : b + 1, :, :n], alone)


def test_sample_token_draws_each_token_with_its_probability():
    sample = reference("sample_token")
    logits = torch.tensor([[1.0, -2.0, 0.5, 3.0, 0.0, 2.0]])
    temperature, top_k, n = 0.8, 4, 20_000
    u = (torch.arange(n, dtype=torch.float64) + 0.5) / n  # a uniform grid in place of rand

    tokens = sample(logits.expand(n, -1), temperature, top_k, u)

    z = logits[0] / temperature
    kept = torch.topk(z, top_k).indices
    p = torch.zeros_like(z)
    p[kept] = torch.softmax(z[kept], -1)
    frequencies = torch.bincount(tokens, minlength=6) / n
    torch.testing.assert_close(frequencies, p, atol=2 / n, rtol=0)
