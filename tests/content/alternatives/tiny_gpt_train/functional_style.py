"""An alternative correct solution: plain tensors, hand-written layer norm, per-head
attention and GELU, AdamW with a linear decay, bigger batches and fewer steps; the
weights are returned in float64."""

import math

import torch


def layer_norm(x, w, b):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + 1e-5) * w + b


def model(p, ids):
    B, T = ids.shape
    x = p["tok_emb.weight"][ids] + p["pos_emb.weight"][:T]
    h = layer_norm(x, p["block.ln1.weight"], p["block.ln1.bias"])
    qkv = h @ p["block.attn.qkv.weight"].T + p["block.attn.qkv.bias"]
    mask = torch.tril(torch.ones(T, T, dtype=torch.bool))
    heads = []
    for j in range(4):
        q = qkv[..., 16 * j : 16 * j + 16]
        k = qkv[..., 64 + 16 * j : 64 + 16 * j + 16]
        v = qkv[..., 128 + 16 * j : 128 + 16 * j + 16]
        s = (q @ k.transpose(1, 2)) / 4.0
        s = s.masked_fill(~mask, -math.inf)
        heads.append(torch.softmax(s, dim=-1) @ v)
    a = torch.cat(heads, dim=-1)
    x = x + a @ p["block.attn.proj.weight"].T + p["block.attn.proj.bias"]
    h = layer_norm(x, p["block.ln2.weight"], p["block.ln2.bias"])
    h = h @ p["block.mlp.fc.weight"].T + p["block.mlp.fc.bias"]
    h = 0.5 * h * (1 + torch.erf(h / math.sqrt(2)))
    x = x + h @ p["block.mlp.proj.weight"].T + p["block.mlp.proj.bias"]
    x = layer_norm(x, p["ln_f.weight"], p["ln_f.bias"])
    return x @ p["tok_emb.weight"].T


def tiny_gpt_train(train_ids, seed):
    g = torch.Generator().manual_seed(1000 + seed)
    dt = torch.float32
    shapes = {
        "tok_emb.weight": (96, 64), "pos_emb.weight": (64, 64),
        "block.ln1.weight": (64,), "block.ln1.bias": (64,),
        "block.attn.qkv.weight": (192, 64), "block.attn.qkv.bias": (192,),
        "block.attn.proj.weight": (64, 64), "block.attn.proj.bias": (64,),
        "block.ln2.weight": (64,), "block.ln2.bias": (64,),
        "block.mlp.fc.weight": (256, 64), "block.mlp.fc.bias": (256,),
        "block.mlp.proj.weight": (64, 256), "block.mlp.proj.bias": (64,),
        "ln_f.weight": (64,), "ln_f.bias": (64,),
    }
    p = {}
    for name, shape in shapes.items():
        if len(shape) == 2:
            p[name] = torch.randn(shape, generator=g, dtype=dt) * 0.03
        elif name.startswith(("block.ln", "ln_f")) and name.endswith("weight"):
            p[name] = torch.ones(shape, dtype=dt)
        else:
            p[name] = torch.zeros(shape, dtype=dt)
        p[name].requires_grad_()
    opt = torch.optim.AdamW(list(p.values()), lr=4e-3, weight_decay=0.01)
    steps = 700
    schedule = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 1 - 0.9 * s / steps)
    ids = train_ids.long()
    for _ in range(steps):
        starts = torch.randint(0, len(ids) - 65, (16,), generator=g)
        windows = torch.stack([ids[s : s + 65] for s in starts.tolist()])
        logits = model(p, windows[:, :-1])
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, 96), windows[:, 1:].reshape(-1))
        for t in p.values():
            t.grad = None
        loss.backward()
        opt.step()
        schedule.step()
    return {name: t.detach().to(torch.float64) for name, t in p.items()}
