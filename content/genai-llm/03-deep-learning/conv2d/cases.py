import numpy as np
import torch

from grader.casekit import Case


def _t(values) -> torch.Tensor:
    return torch.tensor(np.asarray(values), dtype=torch.float32)


def cases():
    rng = np.random.default_rng(20260805)

    def normal(*shape):
        return _t(rng.normal(size=shape))

    # Visible: small integer inputs whose results can be checked by hand.
    yield Case(
        "one channel, 2x2 kernel, no bias",
        args=(
            _t(np.arange(12.0).reshape(1, 1, 3, 4)),
            _t([[[[1.0, 2.0], [0.0, -1.0]]]]),
        ),
        visible=True,
    )
    yield Case(
        "bias is added per output channel",
        args=(
            _t([[[[1.0, 2.0, 0.0], [0.0, 1.0, 3.0], [2.0, 0.0, 1.0]]]]),
            _t([[[[1.0, 0.0], [0.0, 1.0]]], [[[0.0, 1.0], [-1.0, 0.0]]]]),
            _t([10.0, -1.0]),
        ),
        visible=True,
    )
    yield Case(
        "stride 2 with padding 1",
        args=(
            _t(np.arange(25.0).reshape(1, 1, 5, 5)),
            _t([[[[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 2.0, 0.0]]]]),
            None,
            2,
            1,
        ),
        visible=True,
    )

    # Hidden: random inputs, every stride/padding/shape combination the contract allows.
    yield Case("input channels are summed", args=(normal(1, 2, 5, 5), normal(1, 2, 3, 3)))
    yield Case(
        "batch of 2, 3 in and 4 out channels, 3x3 kernel, bias",
        args=(normal(2, 3, 6, 6), normal(4, 3, 3, 3), normal(4)),
    )
    yield Case(
        "bias None with several output channels",
        args=(normal(2, 2, 5, 6), normal(3, 2, 2, 2), None),
    )
    yield Case("asymmetric random kernel (not flipped)", args=(normal(1, 1, 6, 6), normal(2, 1, 3, 3)))
    yield Case("non-square kernel (2x3)", args=(normal(2, 2, 6, 7), normal(3, 2, 2, 3), normal(3)))
    yield Case("non-square kernel (3x1)", args=(normal(1, 3, 5, 4), normal(2, 3, 3, 1)))
    yield Case("non-square input (5x9)", args=(normal(2, 2, 5, 9), normal(2, 2, 3, 3), normal(2)))
    yield Case("non-square input and output (9x4)", args=(normal(1, 2, 9, 4), normal(3, 2, 2, 2)))
    yield Case("stride 2", args=(normal(2, 2, 7, 7), normal(3, 2, 3, 3), normal(3), 2))
    yield Case(
        "stride 2 with padding 1, several channels",
        args=(normal(2, 3, 8, 8), normal(4, 3, 3, 3), normal(4), 2, 1),
    )
    yield Case(
        "stride 2 that does not divide the padded size",
        args=(normal(1, 2, 8, 8), normal(2, 2, 3, 3), normal(2), 2, 0),
    )
    yield Case(
        "stride 3 that does not divide the padded size",
        args=(normal(2, 2, 11, 12), normal(2, 2, 3, 3), None, 3, 1),
    )
    yield Case("padding 1 keeps the size with a 3x3 kernel", args=(normal(2, 2, 6, 6), normal(3, 2, 3, 3), normal(3), 1, 1))
    yield Case("padding 2 with a 3x3 kernel", args=(normal(1, 2, 5, 6), normal(2, 2, 3, 3), normal(2), 1, 2))
    yield Case(
        "padding 3 with a 2x2 kernel: border outputs are only the bias",
        args=(normal(1, 1, 4, 5), normal(2, 1, 2, 2), normal(2), 1, 3),
    )
    yield Case(
        "stride and padding passed as keywords",
        args=(normal(1, 2, 7, 6), normal(2, 2, 3, 3)),
        kwargs={"bias": normal(2), "stride": 2, "padding": 1},
    )
    yield Case("1x1 kernel mixes channels only", args=(normal(2, 4, 4, 5), normal(3, 4, 1, 1), normal(3)))
    # An output of exactly 1x1 would be the natural edge here, but an off-by-one solution
    # then returns an empty tensor, which grader/sandbox/runtime/wire.py cannot decode
    # (shape (n, c, 0, 0) is rejected as "larger than the payload"): keep outputs >= 2x2.
    yield Case(
        "kernel as large as the input, padding 1",
        args=(normal(3, 2, 4, 5), normal(2, 2, 4, 5), normal(2), 1, 1),
    )
    yield Case(
        "kernel wider than the unpadded input",
        args=(normal(1, 2, 5, 3), normal(2, 2, 2, 4), normal(2), 1, 1),
    )
    yield Case(
        "non-square kernel with stride 2 and padding 1",
        args=(normal(2, 2, 7, 9), normal(3, 2, 3, 2), normal(3), 2, 1),
    )
    yield Case(
        "non-square kernel (1x4) with stride 3 and padding 2",
        args=(normal(1, 3, 6, 10), normal(2, 3, 1, 4), normal(2), 3, 2),
    )
