"""The framed data channel between the trusted side and the sandbox, both ways.

A frame is: b"CPW1", a 4-byte big-endian header length, a JSON header, an 8-byte
big-endian payload length, then the payload (raw array bytes). The header holds a tree
of typed nodes; arrays point into the payload by offset.

Nothing here executes data: no pickle, no eval. `decode` treats every byte as hostile
(the sandbox writes the frames that come back) and raises `WireError` on the first field
whose type, range or size is not exactly what it should be.

This module is mounted into the sandbox as-is: it imports only the standard library and
numpy (torch lazily, for tensor inputs).
"""

from __future__ import annotations

import json
import struct
import sys
from dataclasses import dataclass

import numpy as np

MAGIC = b"CPW1"
# Exact dtype strings that may cross; compared as strings before np.dtype ever sees them.
DTYPES = {
    "<f8",
    "<f4",
    "<i8",
    "<i4",
    "<i2",
    "|i1",
    "<u8",
    "<u4",
    "<u2",
    "|u1",
    "|b1",
}
MAX_NDIM = 8
MAX_DEPTH = 16
MAX_NODES = 100_000
MAX_STR = 1 << 20
MAX_INT_DIGITS = 200


class WireError(ValueError):
    """A frame that is malformed, oversized or of a type it may not carry."""


@dataclass(frozen=True)
class Unsupported:
    """A value the sandbox could not turn into data; `what` describes it (learner-controlled)."""

    what: str


@dataclass(frozen=True)
class Limits:
    header_bytes: int = 4 << 20
    payload_bytes: int = 16 << 20


def encode(value, *, tensors_as_torch: bool = True) -> bytes:
    """Encode a tree of None/bool/int/float/str/list/tuple/dict/ndarray/tensor/Unsupported."""
    chunks: list[bytes] = []
    offset = [0]

    def add_array(arr: np.ndarray, is_torch: bool, requires_grad: bool = False) -> dict:
        # ascontiguousarray would turn a 0-d array into 1-d: keep the shape exact.
        arr = arr if arr.flags.c_contiguous else arr.copy(order="C")
        if arr.dtype.byteorder == ">":
            arr = arr.astype(arr.dtype.newbyteorder("<"))
        dtype = arr.dtype.str
        if dtype not in DTYPES:
            return {"t": "bad", "v": f"array of dtype {arr.dtype}"}
        data = arr.tobytes()
        node = {
            "t": "array",
            "dtype": dtype,
            "shape": list(arr.shape),
            "offset": offset[0],
            "nbytes": len(data),
        }
        if is_torch:
            node["torch"] = True
            if requires_grad:
                node["grad"] = True
        chunks.append(data)
        offset[0] += len(data)
        return node

    def enc(v, depth: int):
        if depth > MAX_DEPTH:
            raise WireError("value nested too deeply")
        t = type(v)
        if v is None:
            return {"t": "none"}
        if t is bool:
            return {"t": "bool", "v": v}
        if t is int:
            return {"t": "int", "v": str(v)}
        if t is float:
            return {"t": "float", "v": v.hex()}
        if t is str:
            return {"t": "str", "v": v}
        if t is list or t is tuple:
            return {"t": t.__name__, "v": [enc(item, depth + 1) for item in v]}
        if t is dict:
            if not all(type(k) is str for k in v):
                return {"t": "bad", "v": "dict with keys that are not strings"}
            return {"t": "dict", "v": [[k, enc(item, depth + 1)] for k, item in v.items()]}
        if t is np.ndarray:
            return add_array(v, False)
        if isinstance(v, np.generic) and t.__module__ == "numpy":
            return add_array(np.asarray(v), False)
        if t is Unsupported:
            return {"t": "bad", "v": v.what[:500]}
        torch = sys.modules.get("torch")
        if torch is not None and t in (torch.Tensor, torch.nn.Parameter):
            plain = v.detach().cpu().resolve_conj().resolve_neg().contiguous().numpy()
            return add_array(plain, tensors_as_torch, bool(v.requires_grad))
        return {"t": "bad", "v": f"a value of type {t.__name__}"}

    tree = enc(value, 0)
    header = json.dumps({"tree": tree}, separators=(",", ":")).encode()
    payload = b"".join(chunks)
    return b"".join(
        [MAGIC, struct.pack(">I", len(header)), header, struct.pack(">Q", len(payload)), payload]
    )


def read_frame(data: bytes, limits: Limits = Limits()) -> tuple[dict, memoryview, int]:
    """Split one frame off the front of `data`; return (header, payload, bytes consumed)."""
    view = memoryview(data)
    if len(view) < 8 or bytes(view[:4]) != MAGIC:
        raise WireError("frame does not start with the magic bytes")
    (header_len,) = struct.unpack(">I", view[4:8])
    if header_len > limits.header_bytes:
        raise WireError(f"frame header of {header_len} bytes is over the limit")
    end_header = 8 + header_len
    if len(view) < end_header + 8:
        raise WireError("frame is truncated in its header")
    try:
        header = json.loads(bytes(view[8:end_header]).decode("utf-8"), parse_constant=_no_constants)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise WireError(f"frame header is not valid JSON ({type(exc).__name__})") from None
    if type(header) is not dict or set(header) != {"tree"}:
        raise WireError("frame header must be an object with exactly the key 'tree'")
    (payload_len,) = struct.unpack(">Q", view[end_header : end_header + 8])
    if payload_len > limits.payload_bytes:
        raise WireError(f"frame payload of {payload_len} bytes is over the limit")
    start = end_header + 8
    if len(view) < start + payload_len:
        raise WireError("frame is truncated in its payload")
    return header, view[start : start + payload_len], start + payload_len


def decode(data: bytes, limits: Limits = Limits(), *, make_tensors: bool = False):
    """Decode exactly one frame into plain values; extra bytes after it are an error."""
    header, payload, used = read_frame(data, limits)
    if used != len(data):
        raise WireError("bytes left over after the frame")
    return decode_tree(header["tree"], payload, make_tensors=make_tensors)


def decode_tree(tree, payload: memoryview, *, make_tensors: bool = False):
    count = [0]

    def dec(node, depth: int):
        count[0] += 1
        if count[0] > MAX_NODES:
            raise WireError("too many values in the frame")
        if depth > MAX_DEPTH:
            raise WireError("value nested too deeply")
        if type(node) is not dict or type(node.get("t")) is not str:
            raise WireError("a node is not an object with a string 't'")
        kind = node["t"]
        if kind == "none":
            _keys(node, {"t"})
            return None
        if kind == "bool":
            _keys(node, {"t", "v"})
            return _typed(node["v"], bool)
        if kind == "int":
            _keys(node, {"t", "v"})
            text = _typed(node["v"], str)
            if not 0 < len(text) <= MAX_INT_DIGITS or not text.lstrip("-").isdigit():
                raise WireError("an int node is not a decimal integer")
            if not text.lstrip("-").isascii():
                raise WireError("an int node is not a decimal integer")
            return int(text)
        if kind == "float":
            _keys(node, {"t", "v"})
            text = _typed(node["v"], str)
            if len(text) > 40:
                raise WireError("a float node is too long")
            try:
                return float.fromhex(text)
            except ValueError:
                raise WireError("a float node is not a hex float") from None
        if kind == "str":
            _keys(node, {"t", "v"})
            text = _typed(node["v"], str)
            if len(text) > MAX_STR:
                raise WireError("a string is over the size limit")
            return text
        if kind in ("list", "tuple"):
            _keys(node, {"t", "v"})
            items = [dec(item, depth + 1) for item in _typed(node["v"], list)]
            return tuple(items) if kind == "tuple" else items
        if kind == "dict":
            _keys(node, {"t", "v"})
            out = {}
            for pair in _typed(node["v"], list):
                if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
                    raise WireError("a dict entry is not a [string, value] pair")
                if pair[0] in out:
                    raise WireError("a dict has a duplicated key")
                out[pair[0]] = dec(pair[1], depth + 1)
            return out
        if kind == "bad":
            _keys(node, {"t", "v"})
            return Unsupported(_typed(node["v"], str)[:500])
        if kind == "array":
            return _array(node, payload, make_tensors)
        raise WireError("a node has an unknown type")

    return dec(tree, 0)


def _array(node: dict, payload: memoryview, make_tensors: bool):
    _keys(node, {"t", "dtype", "shape", "offset", "nbytes"}, optional={"torch", "grad"})
    dtype_str = _typed(node["dtype"], str)
    if dtype_str not in DTYPES:
        raise WireError("an array has a dtype that may not cross")
    shape = _typed(node["shape"], list)
    if len(shape) > MAX_NDIM or any(type(d) is not int or d < 0 for d in shape):
        raise WireError("an array shape is not a short list of non-negative ints")
    offset, nbytes = _typed(node["offset"], int), _typed(node["nbytes"], int)
    dtype = np.dtype(dtype_str)
    count = 0 if 0 in shape else 1
    for d in shape:
        count *= d
        # Checked as it grows, so a hostile shape never builds a huge integer.
        if count * dtype.itemsize > len(payload):
            raise WireError("an array is larger than the payload")
    if nbytes != count * dtype.itemsize or offset < 0 or offset + nbytes > len(payload):
        raise WireError("an array's size does not match its shape or the payload")
    arr = np.frombuffer(payload[offset : offset + nbytes], dtype=dtype).reshape(shape).copy()
    is_torch = _typed(node.get("torch", False), bool)
    wants_grad = _typed(node.get("grad", False), bool)
    if make_tensors and is_torch:
        import torch

        tensor = torch.from_numpy(arr)
        if wants_grad:
            tensor.requires_grad_(True)
        return tensor
    return arr


def _keys(node: dict, required: set, optional: set = frozenset()) -> None:
    keys = set(node)
    if not required <= keys or not keys <= required | optional:
        raise WireError(f"a {node.get('t')!s:.10} node has unexpected or missing fields")


def _typed(value, kind: type):
    if type(value) is not kind:
        raise WireError(f"a field is not of type {kind.__name__}")
    return value


def _no_constants(name: str):
    raise WireError(f"frame header holds the constant {name}")
