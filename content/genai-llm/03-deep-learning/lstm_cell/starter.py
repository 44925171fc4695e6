import torch


def lstm_cell(x, h, c, W_ih, W_hh, b_ih, b_hh) -> tuple[torch.Tensor, torch.Tensor]:
    """One step of an LSTM, with torch.nn.LSTMCell's parameter layout.

    x     (B, I)   input at this time step
    h, c  (B, H)   previous hidden and cell state
    W_ih  (4H, I), W_hh (4H, H), b_ih and b_hh (4H,)
          the four gate blocks are stacked in the order
          input, forget, cell (candidate), output.

    Returns (h_new, c_new), each (B, H).
    """
    raise NotImplementedError("implement lstm_cell")
