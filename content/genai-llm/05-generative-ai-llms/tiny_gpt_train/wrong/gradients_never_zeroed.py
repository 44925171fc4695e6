"""loss.backward() adds into .grad: without optimizer.zero_grad() (or setting the gradients to None) every step's gradient is the sum of all the earlier ones, and the updates stop following the current batch. Zero the gradients once per step, before backward."""
import math

import torch
import torch.nn.functional as F

V, D, HEADS, CONTEXT, HIDDEN = 96, 64, 4, 64, 256
STEPS, BATCH = 1500, 8
LR, WARMUP, WEIGHT_DECAY = 3e-3, 100, 0.1

SHAPES = {
    "tok_emb.weight": (V, D),
    "pos_emb.weight": (CONTEXT, D),
    "block.ln1.weight": (D,),
    "block.ln1.bias": (D,),
    "block.attn.qkv.weight": (3 * D, D),
    "block.attn.qkv.bias": (3 * D,),
    "block.attn.proj.weight": (D, D),
    "block.attn.proj.bias": (D,),
    "block.ln2.weight": (D,),
    "block.ln2.bias": (D,),
    "block.mlp.fc.weight": (HIDDEN, D),
    "block.mlp.fc.bias": (HIDDEN,),
    "block.mlp.proj.weight": (D, HIDDEN),
    "block.mlp.proj.bias": (D,),
    "ln_f.weight": (D,),
    "ln_f.bias": (D,),
}


def _init(generator):
    params = {}
    for name, shape in SHAPES.items():
        if name.startswith("block.ln") or name.startswith("ln_f"):
            fill = 1.0 if name.endswith("weight") else 0.0
            params[name] = torch.full(shape, fill)
        elif name.endswith("bias"):
            params[name] = torch.zeros(shape)
        else:
            std = 0.02
            if name.endswith("proj.weight"):
                std = 0.02 / math.sqrt(2)  # two residual branches add into one stream
            params[name] = torch.randn(shape, generator=generator) * std
    for tensor in params.values():
        tensor.requires_grad_(True)
    return params


def _forward(p, ids):
    """ids (B, T) -> logits (B, T, V): the contract's one-block model."""
    B, T = ids.shape
    x = p["tok_emb.weight"][ids] + p["pos_emb.weight"][:T]
    h = F.layer_norm(x, (D,), p["block.ln1.weight"], p["block.ln1.bias"], 1e-5)
    qkv = h @ p["block.attn.qkv.weight"].T + p["block.attn.qkv.bias"]
    q, k, v = qkv.split(D, dim=-1)
    q, k, v = (t.reshape(B, T, HEADS, D // HEADS).transpose(1, 2) for t in (q, k, v))
    scores = q @ k.transpose(-2, -1) / math.sqrt(D // HEADS)
    causal = torch.ones(T, T, dtype=torch.bool).tril()
    scores = scores.masked_fill(~causal, float("-inf"))
    attn = torch.softmax(scores, dim=-1) @ v
    attn = attn.transpose(1, 2).reshape(B, T, D)
    x = x + attn @ p["block.attn.proj.weight"].T + p["block.attn.proj.bias"]
    h = F.layer_norm(x, (D,), p["block.ln2.weight"], p["block.ln2.bias"], 1e-5)
    h = F.gelu(h @ p["block.mlp.fc.weight"].T + p["block.mlp.fc.bias"])
    x = x + h @ p["block.mlp.proj.weight"].T + p["block.mlp.proj.bias"]
    x = F.layer_norm(x, (D,), p["ln_f.weight"], p["ln_f.bias"], 1e-5)
    return x @ p["tok_emb.weight"].T


def tiny_gpt_train(train_ids, seed):
    generator = torch.Generator().manual_seed(int(seed))
    params = _init(generator)
    decay = [t for n, t in params.items() if n.endswith("weight") and t.dim() == 2]
    no_decay = [t for n, t in params.items() if not (n.endswith("weight") and t.dim() == 2)]
    optimizer = torch.optim.AdamW(
        [
            {"params": decay, "weight_decay": WEIGHT_DECAY},
            {"params": no_decay, "weight_decay": 0.0},
        ],
        lr=LR,
        betas=(0.9, 0.95),
    )
    ids = train_ids.to(torch.int64)
    offsets = torch.arange(CONTEXT + 1)
    for step in range(STEPS):
        # Warm-up, then cosine decay to a tenth of the peak rate.
        if step < WARMUP:
            rate = LR * (step + 1) / WARMUP
        else:
            progress = (step - WARMUP) / (STEPS - WARMUP)
            rate = LR * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress)))
        for group in optimizer.param_groups:
            group["lr"] = rate
        starts = torch.randint(0, len(ids) - CONTEXT - 1, (BATCH,), generator=generator)
        windows = ids[starts[:, None] + offsets]  # (BATCH, 65)
        logits = _forward(params, windows[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, V), windows[:, 1:].reshape(-1))
        loss.backward()
        optimizer.step()
    return {name: tensor.detach().clone() for name, tensor in params.items()}
