import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    """BERT's 80/10/10 corruption from given uniform draws; returns (inputs, labels)."""
    selected = ~special_mask & (u_sel < mlm_prob)
    # Labels from the original tokens, before anything is overwritten.
    labels = torch.where(selected, input_ids, torch.full_like(input_ids, -100))
    inputs = input_ids.clone()  # the caller's input_ids stay as they are
    inputs[selected & (u_act < 0.8)] = mask_id
    random = selected & (u_act >= 0.8) & (u_act < 0.9)
    inputs[random] = rand_ids[random]
    return inputs, labels
