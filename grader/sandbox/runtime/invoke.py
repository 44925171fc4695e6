"""Call an entry point on one case and turn what it returns into plain data.

Runs only inside the sandbox, in two kinds of jobs: on learner code (harness.py, where
everything the learner returns is hostile) and on an exercise's reference and known-wrong
solutions (author.py), so that both go through exactly the same call and conversion.
Imports only the standard library and numpy (torch when present).
"""

from __future__ import annotations

import sys

import numpy as np

try:
    from .wire import Unsupported
except ImportError:  # mounted flat inside the sandbox, not as a package
    from wire import Unsupported

MAX_ELEMENTS = 4_000_000
# Every concrete numpy scalar type (np.longlong and np.ulonglong are types of their own,
# distinct from np.int64/np.uint64 although their dtypes match): exact types only, so a
# learner's subclass with its own methods never reaches np.asarray.
NUMPY_SCALARS = frozenset(np.dtype(code).type for code in np.typecodes["All"])
# Scalars of a dtype no array may cross as: widened without loss where possible.
SCALAR_WIDEN = {"float16": np.float32}
# Real values: float32/float64. Labels, indices and token ids: any integer dtype.
REAL_DTYPES = {
    "float64",
    "float32",
    "int64",
    "int32",
    "int16",
    "int8",
    "uint64",
    "uint32",
    "uint16",
    "uint8",
}
# Bool arrays cross as data too: the trusted comparison rejects them unless the exercise
# declares a bool result (exercise.toml `bool_result`), so the verdict decides, not this.
WIRE_DTYPES = REAL_DTYPES | {"bool"}


def call_case(
    fn, args: tuple, kwargs: dict, grad_wrt: tuple, grad_output, return_inputs: tuple = ()
) -> dict:
    """Call `fn(*args, **kwargs)`; return {"value": data} plus {"grads": [...]} if asked.

    `return_inputs` names arguments (an int: a position in args, a str: a key of kwargs)
    to hand back as data after the call, {"inputs_after": [...]}, so that the trusted side
    can check that the function left them unchanged.
    """
    out = fn(*args, **kwargs)
    result = {"value": to_data(out)}
    if return_inputs:
        result["inputs_after"] = [
            to_data(kwargs[ref] if type(ref) is str else args[ref]) for ref in return_inputs
        ]
    if grad_wrt:
        result["grads"] = _gradients(out, [args[i] for i in grad_wrt], grad_output)
    return result


def to_data(value, depth: int = 0):
    """Convert a returned value into wire-safe plain data, or `Unsupported` naming it."""
    if depth > 8:
        return Unsupported("a value nested too deeply")
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        if kind is str and len(value) > 100_000:
            return Unsupported("a string over 100,000 characters")
        return value
    if kind in (list, tuple):
        if len(value) > 100_000:
            return Unsupported(f"a {kind.__name__} of over 100,000 items")
        return kind(to_data(item, depth + 1) for item in value)
    if kind is dict:
        if len(value) > 1000 or not all(type(k) is str for k in value):
            return Unsupported("a dict whose keys are not a few strings")
        return {k: to_data(v, depth + 1) for k, v in value.items()}
    if kind is np.ndarray:
        return _ndarray(value)
    if kind in NUMPY_SCALARS:
        return _numpy_scalar(value)
    torch = sys.modules.get("torch")
    if torch is not None and kind in (torch.Tensor, torch.nn.Parameter):
        return _tensor(value, torch)
    return Unsupported(f"a value of type {_type_name(kind)}")


def _numpy_scalar(value):
    """Any numpy scalar (np.uint32 token, np.float64 loss, np.bool_): a 0-d array."""
    arr = np.asarray(value)
    widen = SCALAR_WIDEN.get(arr.dtype.name)
    if widen is None and arr.dtype.kind == "f" and arr.dtype.itemsize > 8:
        widen = np.float64  # np.longdouble is float128 or float96 depending on the platform
    if widen is not None:
        arr = arr.astype(widen)
    if arr.dtype.kind == "b":
        return np.array(arr, dtype=np.bool_)  # crosses as a bool; compare says what it is
    return _ndarray(arr)


def _ndarray(arr: np.ndarray):
    if arr.dtype.name not in WIRE_DTYPES:
        return Unsupported(f"an array of dtype {arr.dtype.name}")
    if arr.size > MAX_ELEMENTS:
        return Unsupported(f"an array of {arr.size} elements (over {MAX_ELEMENTS})")
    return np.array(arr, copy=True, order="C")


def _tensor(tensor, torch):
    if tensor.layout != torch.strided or tensor.device.type != "cpu":
        return Unsupported("a tensor that is not a dense CPU tensor")
    if tensor.is_nested or tensor.is_quantized or tensor.is_sparse or tensor.is_meta:
        return Unsupported("a nested, quantized, sparse or meta tensor")
    name = str(tensor.dtype).removeprefix("torch.")
    if name not in WIRE_DTYPES:
        return Unsupported(f"a tensor of dtype {name}")
    if tensor.numel() > MAX_ELEMENTS:
        return Unsupported(f"a tensor of {tensor.numel()} elements (over {MAX_ELEMENTS})")
    # A learner can leave a torch-function or dispatch mode active: read the bytes with
    # every mode off, so that no learner override runs during the conversion.
    from torch.utils._python_dispatch import _disable_current_modes

    with torch._C.DisableTorchFunction(), _disable_current_modes():
        plain = tensor.detach().resolve_conj().resolve_neg().contiguous()
        needed = plain.storage_offset() + plain.numel()
        if plain.untyped_storage().nbytes() < needed * plain.element_size():
            return Unsupported("a tensor whose storage is smaller than its view")
        return np.array(plain.numpy(), copy=True, order="C")


def _gradients(out, inputs: list, grad_output) -> list:
    torch = sys.modules.get("torch")
    if torch is None or type(out) is not torch.Tensor:
        why = Unsupported("a result that is not a tensor, so it carries no gradients")
        return [why] * len(inputs)
    if not out.requires_grad:
        return [Unsupported("a result that carries no gradients (was it detached?)")] * len(inputs)
    if grad_output is None:
        grad_output = torch.ones_like(out)
    elif type(grad_output) is torch.Tensor:
        grad_output = grad_output.to(out.dtype)
    if tuple(grad_output.shape) != tuple(out.shape):
        return [Unsupported(f"a result of shape {tuple(out.shape)}, so no gradient could flow")]
    grads = torch.autograd.grad(out, inputs, grad_outputs=grad_output, allow_unused=True)
    return [
        Unsupported("no gradient reaches this input") if g is None else to_data(g) for g in grads
    ]


def _type_name(kind: type) -> str:
    name = getattr(kind, "__qualname__", "?")
    module = getattr(kind, "__module__", "")
    text = f"{module}.{name}" if isinstance(module, str) and module else str(name)
    return text[:80] if isinstance(text, str) else "?"
