import torch
import torch.nn.functional as F


def reward_model_loss(chosen, rejected) -> torch.Tensor:
    """Bradley-Terry pairwise loss for training a reward model.

    chosen, rejected: float32 tensors of the same shape, the rewards of the preferred
    and of the rejected answer of each pair. Returns the scalar
    mean(-log sigmoid(chosen - rejected)), finite for margins up to +-1000.
    """
    raise NotImplementedError("implement reward_model_loss")
