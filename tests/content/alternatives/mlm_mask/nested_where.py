import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    sel = (u_sel < mlm_prob).logical_and(special_mask.logical_not())
    mask_tok = torch.full_like(input_ids, mask_id)
    replacement = torch.where(u_act < 0.8, mask_tok, torch.where(u_act < 0.9, rand_ids, input_ids))
    inputs = torch.where(sel, replacement, input_ids)
    labels = input_ids.masked_fill(~sel, -100)
    return inputs, labels
