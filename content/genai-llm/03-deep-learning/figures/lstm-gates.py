"""An LSTM cell storing a value: input, forget and output gates over a short sequence.

Hand-set weights make the gates readable: a "write" signal opens the input gate, a
"read" signal opens the output gate, and the forget gate stays near 1 in between.
"""

import sys

import matplotlib.pyplot as plt
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


T = 24
value = np.zeros(T); value[3] = 0.9; value[14] = -0.6
write = np.zeros(T); write[3] = 1; write[14] = 1
read = np.zeros(T); read[9] = 1; read[20] = 1
erase = np.zeros(T); erase[13] = 1

c, h = 0.0, 0.0
gates = {"input gate i": [], "forget gate f": [], "output gate o": [], "cell state c": [],
         "hidden h": []}
for t in range(T):
    i = sigmoid(8 * write[t] - 4)
    f = sigmoid(4 - 8 * erase[t])
    o = sigmoid(8 * read[t] - 4)
    g = np.tanh(3 * value[t])
    c = f * c + i * g
    h = o * np.tanh(c)
    for name, v in zip(gates, [i, f, o, c, h]):
        gates[name].append(v)

fig, axes = plt.subplots(2, 1, figsize=(9, 4.6), sharex=True)
steps = np.arange(T)
for name, colour in zip(list(gates)[:3], ["#4338ca", "#15803d", "#c2410c"]):
    axes[0].step(steps, gates[name], where="mid", label=name, color=colour)
axes[0].set(ylabel="gate value", ylim=(-0.05, 1.05), title="Gates: write at 3 and 14, erase at 13, read at 9 and 20")
axes[0].legend(fontsize=8, ncol=3, loc="center right")
axes[1].step(steps, gates["cell state c"], where="mid", label="cell state c", color="#1b2330")
axes[1].step(steps, gates["hidden h"], where="mid", label="hidden h = o · tanh(c)", color="#c2410c")
axes[1].axhline(0, color="#c5cad3", lw=0.8)
axes[1].set(xlabel="time step", ylabel="value")
axes[1].legend(fontsize=8, loc="lower left")
fig.tight_layout()
fig.savefig(sys.argv[1], dpi=110, metadata={"Software": None})
