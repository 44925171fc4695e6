"""input_ids is modified in place: `inputs = input_ids` is the same tensor, not a copy, so writing the mask ids into it changes the caller's batch too (and a second epoch would corrupt already corrupted text). Work on input_ids.clone()."""
import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    selected = ~special_mask & (u_sel < mlm_prob)
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    inputs = input_ids
    inputs[selected & (u_act < 0.8)] = mask_id
    random = selected & (u_act >= 0.8) & (u_act < 0.9)
    inputs[random] = rand_ids[random]
    return inputs, labels
