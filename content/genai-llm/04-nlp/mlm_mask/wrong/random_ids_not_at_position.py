"""A random token takes the value of rand_ids at its own position (rand_ids[b, i]), not the first few entries of rand_ids in order. Index rand_ids with the same mask as the positions you write."""
import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    selected = ~special_mask & (u_sel < mlm_prob)
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    inputs = input_ids.clone()
    inputs[selected & (u_act < 0.8)] = mask_id
    random = selected & (u_act >= 0.8) & (u_act < 0.9)
    inputs[random] = rand_ids.flatten()[: int(random.sum())]
    return inputs, labels
