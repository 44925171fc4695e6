import math


def dpo_loss(policy_chosen_logps, policy_rejected_logps, ref_chosen_logps, ref_rejected_logps,
             beta):
    total = 0.0
    rows = zip(policy_chosen_logps.tolist(), policy_rejected_logps.tolist(),
               ref_chosen_logps.tolist(), ref_rejected_logps.tolist(), strict=True)
    count = 0
    for pc, pr, rc, rr in rows:
        x = beta * ((pc - rc) - (pr - rr))
        # -log sigmoid(x) = log(1 + e^-x), split so that exp never overflows
        total += (-x + math.log1p(math.exp(x))) if x < 0 else math.log1p(math.exp(-x))
        count += 1
    return total / count
