import math


def sft_loss(logits, labels, ignore_index=-100):
    B, T, V = logits.shape
    total, count = 0.0, 0
    for b in range(B):
        for t in range(T - 1):
            target = int(labels[b, t + 1])
            if target == ignore_index:
                continue
            row = [float(z) for z in logits[b, t]]
            top = max(row)
            log_norm = top + math.log(sum(math.exp(z - top) for z in row))
            total += log_norm - row[target]
            count += 1
    return total / count
