import numpy as np
import torch


def mlm_mask(input_ids, u_sel, u_act, special_mask, rand_ids, mask_id, mlm_prob=0.15):
    ids = input_ids.numpy().copy()
    chosen = (u_sel.numpy() < mlm_prob) & ~special_mask.numpy()
    act = u_act.numpy()
    labels = np.where(chosen, ids, -100)
    corrupted = np.select(
        [chosen & (act < 0.8), chosen & (act < 0.9)],
        [np.full_like(ids, mask_id), rand_ids.numpy()],
        default=ids,
    )
    return torch.from_numpy(corrupted), torch.from_numpy(labels)
