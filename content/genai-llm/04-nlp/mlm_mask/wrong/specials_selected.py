"""Special tokens ([CLS], [SEP], padding: special_mask True) are never selected, however small their u_sel: the model should not learn to predict them. Select only where special_mask is False."""
import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    selected = u_sel < mlm_prob
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    inputs = input_ids.clone()
    inputs[selected & (u_act < 0.8)] = mask_id
    random = selected & (u_act >= 0.8) & (u_act < 0.9)
    inputs[random] = rand_ids[random]
    return inputs, labels
