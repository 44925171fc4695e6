"""The bands of u_act are in a fixed order: below 0.8 the mask id, from 0.8 up to (not including) 0.9 a random token, from 0.9 up the original token. The random tokens do not go in the lowest band (u_act < 0.1)."""
import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    selected = ~special_mask & (u_sel < mlm_prob)
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    inputs = input_ids.clone()
    random = selected & (u_act < 0.1)
    inputs[random] = rand_ids[random]
    inputs[selected & (u_act >= 0.1) & (u_act < 0.9)] = mask_id
    return inputs, labels
