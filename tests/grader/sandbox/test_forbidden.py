# ruff: noqa: E501  (the sources under test are easier to read on one line each)
"""The static forbidden-call scan: finds the calls, never the learner's own names."""

import pytest

from grader.sandbox.forbidden import forbidden_scan

CONV = [
    "torch.nn.functional.conv2d",
    "torch.conv2d",
    "torch.nn.Conv2d",
    "torch.nn.functional.conv_transpose2d",
]
SDPA = ["torch.nn.functional.scaled_dot_product_attention"]


@pytest.mark.parametrize(
    "source, found",
    [
        ("import torch\ndef conv2d(x, w):\n    return torch.conv2d(x, w)\n", ["torch.conv2d"]),
        (
            "import torch.nn.functional as F\ndef conv2d(x, w):\n    return F.conv2d(x, w)\n",
            ["torch.nn.functional.conv2d"],
        ),
        (
            "import torch\ndef conv2d(x, w):\n    return torch.nn.functional.conv2d(x, w)\n",
            ["torch.nn.functional.conv2d"],
        ),
        (
            "from torch.nn import functional\ndef conv2d(x, w):\n    return functional.conv2d(x, w)\n",
            ["torch.nn.functional.conv2d"],
        ),
        (
            "from torch.nn.functional import conv2d as c\ndef conv2d(x, w):\n    return c(x, w)\n",
            ["torch.nn.functional.conv2d"],
        ),
        (
            "import torch.nn as nn\ndef conv2d(x, w):\n    return nn.Conv2d(1, 1, 3)(x)\n",
            ["torch.nn.Conv2d"],
        ),
        (
            "from torch import nn\nclass M(nn.Conv2d):\n    pass\ndef conv2d(x, w):\n    return M(1, 1, 3)(x)\n",
            ["torch.nn.Conv2d"],
        ),
        (
            "import torch\ndef conv2d(x, w):\n    f = getattr(torch.nn.functional, 'conv2d')\n    return f(x, w)\n",
            ["torch.nn.functional.conv2d"],
        ),
        (
            "from torch.nn.functional import *\ndef conv2d_mine(x, w):\n    return conv_transpose2d(x, w)\n",
            ["torch.nn.functional.conv_transpose2d"],
        ),
        (
            "import torch as t\ndef conv2d(x, w):\n    return t.nn.functional.conv2d(x, w) + t.conv2d(x, w)\n",
            ["torch.conv2d", "torch.nn.functional.conv2d"],
        ),
    ],
)
def test_forbidden_calls_are_found_however_they_are_imported(source, found):
    assert forbidden_scan(source, CONV, "conv2d") == found


@pytest.mark.parametrize(
    "source",
    [
        # The entry point is itself named conv2d, and a recursive solution calls itself.
        "import torch\ndef conv2d(x, weight, bias=None, stride=1, padding=0):\n"
        "    if x.dim() == 3:\n        return conv2d(x[None], weight, bias, stride, padding)[0]\n"
        "    cols = torch.nn.functional.unfold(x, weight.shape[-2:], padding=padding, stride=stride)\n"
        "    return cols\n",
        # A helper and a local variable that shadow the forbidden names.
        "import torch\ndef conv2d(x, w):\n    Conv2d = 3\n    def conv_transpose2d(a):\n"
        "        return a\n    return conv_transpose2d(x) * Conv2d\n",
        # Star import, but the names used are the learner's own.
        "from torch.nn.functional import *\ndef conv2d(x, w):\n    return conv2d(x, w) if x else unfold(x, 3)\n",
        # Mentions in strings and comments are not calls.
        "import torch\n# do not use torch.conv2d here\ndef conv2d(x, w):\n    'not torch.nn.functional.conv2d'\n    return x\n",
        # Same attribute name on something that is not torch.
        "import numpy as np\ndef conv2d(x, w):\n    return np.conv2d if False else x\n",
        "def conv2d(x, w):\n    return x\n",
    ],
)
def test_the_entry_points_own_name_and_lookalikes_never_trip_it(source):
    assert forbidden_scan(source, CONV, "conv2d") == []


def test_fused_attention_is_found_and_an_own_implementation_is_not():
    used = (
        "import torch.nn.functional as F\ndef scaled_dot_product_attention(q, k, v, mask=None):\n"
        "    return F.scaled_dot_product_attention(q, k, v)\n"
    )
    own = (
        "import torch\ndef scaled_dot_product_attention(q, k, v, mask=None):\n"
        "    s = q @ k.transpose(-2, -1) / q.shape[-1] ** 0.5\n"
        "    return torch.softmax(s, -1) @ v\n"
    )
    assert forbidden_scan(used, SDPA, "scaled_dot_product_attention") == SDPA
    assert forbidden_scan(own, SDPA, "scaled_dot_product_attention") == []


def test_nothing_forbidden_or_unparsable_source_reports_nothing():
    assert forbidden_scan("import torch\ntorch.conv2d\n", [], "f") == []
    assert forbidden_scan("def broken(:\n", CONV, "conv2d") == []
    assert forbidden_scan("x = (" * 200_000, CONV, "conv2d") == []
