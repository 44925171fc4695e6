"""The labels are read from the corrupted inputs, so a masked position's label is the mask id and a random position's label is the random token. Labels are the ORIGINAL tokens: take them from input_ids."""
import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    selected = ~special_mask & (u_sel < mlm_prob)
    inputs = input_ids.clone()
    inputs[selected & (u_act < 0.8)] = mask_id
    random = selected & (u_act >= 0.8) & (u_act < 0.9)
    inputs[random] = rand_ids[random]
    labels = torch.where(selected, inputs, torch.full_like(inputs, -100))
    return inputs, labels
