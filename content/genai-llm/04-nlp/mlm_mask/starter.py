import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    """BERT's masked-language-model corruption, with the random draws given.

    All (B, L): input_ids and rand_ids int64, u_sel and u_act float32 in [0, 1),
    special_mask bool (True = special token, never selected).
    Selected: not special and u_sel < mlm_prob. A selected position becomes mask_id
    when u_act < 0.8, rand_ids[that position] when 0.8 <= u_act < 0.9, and keeps its
    token when u_act >= 0.9. Returns (inputs, labels): labels hold the original token
    at selected positions and -100 elsewhere. input_ids must not be modified.
    """
    raise NotImplementedError("implement mlm_mask")
