import torch

from grader.casekit import Case


def _ids(text):
    """The contract's alphabet: "\n" -> 0, " " .. "~" -> 1 .. 95."""
    ids = [0 if c == "\n" else ord(c) - 31 for c in text]
    assert all(0 <= i < 96 for i in ids), "a training text left the 96-symbol alphabet"
    return torch.tensor(ids, dtype=torch.int64)


def cases(data):
    # One training run per case; the held-out texts are never a case's input (the trusted
    # scorer reads them from data/ itself).
    yield Case("trains on the lighthouse keeper's story (seed 0)",
               args=(_ids(data["train_keeper.txt"]), 0), visible=True)
    yield Case("trains on the essay on bread (seed 1)",
               args=(_ids(data["train_bread.txt"]), 1))
    yield Case("trains on the letters from a mountain valley (seed 2)",
               args=(_ids(data["train_letters.txt"]), 2))
