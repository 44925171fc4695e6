"""LoRA: a full weight update and a rank-r update BA with far fewer parameters."""

import sys

import matplotlib.pyplot as plt
import numpy as np

d_out, d_in, r = 12, 12, 2
rng = np.random.default_rng(2)
B = rng.normal(size=(d_out, r))
A = rng.normal(size=(r, d_in))
delta = B @ A

fig = plt.figure(figsize=(10, 3.6))
grid = fig.add_gridspec(1, 4, width_ratios=[d_in, r, d_in, 7])
panels = [(delta, f"ΔW = BA: {d_out}×{d_in}, rank {r}"), (B, f"B: {d_out}×{r}"),
          (A, f"A: {r}×{d_in}")]
for k, (m, title) in enumerate(panels):
    ax = fig.add_subplot(grid[0, k])
    ax.imshow(m, cmap="RdBu_r", vmin=-3, vmax=3)
    ax.set(title=title, xticks=[], yticks=[])
ax = fig.add_subplot(grid[0, 3])
dims = np.array([256, 1024, 4096])
ax.plot(dims, dims**2, "o-", color="#6b7a99", label="full ΔW: d²")
for rank, colour in [(8, "#4338ca"), (64, "#c2410c")]:
    ax.plot(dims, 2 * dims * rank, "o-", color=colour, label=f"LoRA r = {rank}: 2dr")
ax.set(xscale="log", yscale="log", xlabel="d (a square d×d layer)", ylabel="trainable parameters")
ax.set_xticks(dims, [str(d) for d in dims])
ax.minorticks_off()
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
