import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    inputs = input_ids.tolist()
    labels = [[-100] * len(row) for row in inputs]
    B, L = input_ids.shape
    for b in range(B):
        for i in range(L):
            if special_mask[b, i] or not u_sel[b, i] < mlm_prob:
                continue
            labels[b][i] = inputs[b][i]
            a = float(u_act[b, i])
            if a < 0.8:
                inputs[b][i] = mask_id
            elif a < 0.9:
                inputs[b][i] = int(rand_ids[b, i])
    return torch.tensor(inputs), torch.tensor(labels)
