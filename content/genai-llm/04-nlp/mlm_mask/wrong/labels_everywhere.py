"""Labels are kept at unselected positions: the loss is computed only on the selected tokens, so every other label must be -100 (the ignore_index of cross_entropy)."""
import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    selected = ~special_mask & (u_sel < mlm_prob)
    labels = input_ids.clone()
    inputs = input_ids.clone()
    inputs[selected & (u_act < 0.8)] = mask_id
    random = selected & (u_act >= 0.8) & (u_act < 0.9)
    inputs[random] = rand_ids[random]
    return inputs, labels
