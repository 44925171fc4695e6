import torch
import torch.nn.functional as F


def conv2d(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    # The reference (an author job in the sandbox, on float64 inputs): torch's own
    # cross-correlation is the definition the contract points at.
    return F.conv2d(x, weight, bias, stride=stride, padding=padding)
