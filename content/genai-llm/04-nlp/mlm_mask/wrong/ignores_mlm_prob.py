"""mlm_prob is an argument: select with u_sel < mlm_prob, not with a fixed 0.15."""
import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    selected = ~special_mask & (u_sel < 0.15)
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    inputs = input_ids.clone()
    inputs[selected & (u_act < 0.8)] = mask_id
    random = selected & (u_act >= 0.8) & (u_act < 0.9)
    inputs[random] = rand_ids[random]
    return inputs, labels
