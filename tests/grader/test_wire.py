"""The framed data channel: round trips, and every hostile header field refused."""

import json
import struct

import numpy as np
import pytest
import torch

from grader.sandbox.runtime import wire


def frame(tree, payload: bytes = b"", *, header_extra: dict | None = None) -> bytes:
    header = {"tree": tree, **(header_extra or {})}
    raw = json.dumps(header).encode()
    sizes = struct.pack(">I", len(raw)), struct.pack(">Q", len(payload))
    return wire.MAGIC + sizes[0] + raw + sizes[1] + payload


def array_node(**changes) -> dict:
    node = {"t": "array", "dtype": "<f8", "shape": [2], "offset": 0, "nbytes": 16}
    node.update(changes)
    return node


TWO_FLOATS = np.array([1.0, 2.0]).tobytes()


def test_round_trip_keeps_types_values_and_shapes():
    value = {
        "none": None,
        "bool": True,
        "int": -(10**40),
        "float": 0.1,
        "str": "héllo",
        "list": [1, [2.5, "x"]],
        "tuple": (1, 2),
        "scalar0d": np.array(3.5),
        "matrix": np.arange(6, dtype=np.int32).reshape(2, 3),
        "empty": np.zeros((0, 4)),
        "f32": np.float32(1.25),
    }
    back = wire.decode(wire.encode(value))
    assert back["none"] is None and back["bool"] is True and back["int"] == -(10**40)
    assert back["float"] == 0.1 and back["str"] == "héllo" and back["tuple"] == (1, 2)
    assert back["list"] == [1, [2.5, "x"]]
    assert back["scalar0d"].shape == () and back["scalar0d"] == 3.5
    assert back["matrix"].dtype == np.int32 and back["matrix"].tolist() == [[0, 1, 2], [3, 4, 5]]
    assert back["empty"].shape == (0, 4)
    assert back["f32"].dtype == np.float32 and back["f32"].shape == ()


def test_special_floats_survive_as_hex():
    back = wire.decode(wire.encode([float("inf"), float("-inf"), float("nan"), -0.0]))
    assert back[0] == float("inf") and back[1] == float("-inf") and back[2] != back[2]
    assert str(back[3]) == "-0.0"


def test_tensors_come_back_as_tensors_only_when_asked_and_keep_the_grad_flag():
    source = torch.tensor([1.0, 2.0], requires_grad=True)
    data = wire.encode({"x": source, "y": torch.ones(2, dtype=torch.float64)})
    plain = wire.decode(data)
    assert type(plain["x"]) is np.ndarray and plain["x"].dtype == np.float32
    tensors = wire.decode(data, make_tensors=True)
    assert type(tensors["x"]) is torch.Tensor and tensors["x"].requires_grad
    assert not tensors["y"].requires_grad and tensors["y"].dtype == torch.float64


def test_each_decode_gives_a_fresh_copy():
    data = wire.encode(np.array([1.0, 2.0]))
    first = wire.decode(data)
    first[0] = 99.0
    assert wire.decode(data)[0] == 1.0
    assert first.flags.writeable and first.flags.owndata


def test_unsupported_values_become_a_described_bad_node():
    back = wire.decode(wire.encode({"obj": object(), "c": np.array([1j]), "k": {1: 2}}))
    assert isinstance(back["obj"], wire.Unsupported) and "object" in back["obj"].what
    assert isinstance(back["c"], wire.Unsupported) and "complex" in back["c"].what
    assert isinstance(back["k"], wire.Unsupported)


def test_big_endian_arrays_are_sent_little_endian():
    back = wire.decode(wire.encode(np.array([1.0, 2.0], dtype=">f8")))
    assert back.dtype.str == "<f8" and back.tolist() == [1.0, 2.0]


@pytest.mark.parametrize(
    "node, payload, why",
    [
        (array_node(shape=[2.0]), TWO_FLOATS, "a float in a shape"),
        (array_node(shape=[True, 2]), TWO_FLOATS, "a bool in a shape"),
        (array_node(shape=[-2]), TWO_FLOATS, "a negative dimension"),
        (array_node(shape=[1] * 9), TWO_FLOATS, "too many dimensions"),
        (array_node(shape=[10**30, 10**30]), TWO_FLOATS, "a shape whose size explodes"),
        (array_node(dtype="<f8" * 1000), TWO_FLOATS, "a huge dtype string"),
        (array_node(dtype="O"), TWO_FLOATS, "object dtype"),
        (array_node(dtype="<c16"), TWO_FLOATS, "complex dtype"),
        (array_node(dtype="float64"), TWO_FLOATS, "a dtype name np.dtype would accept"),
        (array_node(offset=-8), TWO_FLOATS, "a negative offset"),
        (array_node(offset=True), TWO_FLOATS, "a bool offset"),
        (array_node(offset=8), TWO_FLOATS, "an offset past the payload"),
        (array_node(nbytes=8), TWO_FLOATS, "nbytes that disagree with the shape"),
        (array_node(extra=1), TWO_FLOATS, "an unexpected field"),
        (array_node(torch=1), TWO_FLOATS, "a non-bool torch flag"),
        ({"t": "int", "v": "1" * 500}, b"", "an int with too many digits"),
        ({"t": "int", "v": "١٢"}, b"", "non-ASCII digits"),
        ({"t": "int", "v": 5}, b"", "an int sent as a JSON number"),
        ({"t": "float", "v": "not-a-float"}, b"", "a float that is not hex"),
        ({"t": "bool", "v": 1}, b"", "a bool that is an int"),
        ({"t": "str", "v": None}, b"", "a str that is null"),
        ({"t": "dict", "v": [["a", {"t": "none"}], ["a", {"t": "none"}]]}, b"", "a repeated key"),
        ({"t": "dict", "v": [[1, {"t": "none"}]]}, b"", "a non-string key"),
        ({"t": "pickle", "v": "gASV"}, b"", "an unknown node type"),
        ({"v": 1}, b"", "a node without a type"),
        (["t", "none"], b"", "a node that is not an object"),
    ],
)
def test_hostile_header_fields_are_refused(node, payload, why):
    with pytest.raises(wire.WireError):
        wire.decode(frame(node, payload))


def test_deep_nesting_and_node_bombs_are_refused():
    deep = {"t": "none"}
    for _ in range(wire.MAX_DEPTH + 2):
        deep = {"t": "list", "v": [deep]}
    with pytest.raises(wire.WireError):
        wire.decode(frame(deep))
    wide = {"t": "list", "v": [{"t": "none"}] * (wire.MAX_NODES + 1)}
    with pytest.raises(wire.WireError):
        wire.decode(frame(wide))
    with pytest.raises(wire.WireError):
        wire.encode(json_nested_list(wire.MAX_DEPTH + 5))


def json_nested_list(depth: int):
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def test_json_constants_and_recursion_bombs_are_refused():
    raw = b'{"tree": {"t": "float", "v": NaN}}'
    bad = wire.MAGIC + struct.pack(">I", len(raw)) + raw + struct.pack(">Q", 0)
    with pytest.raises(wire.WireError):
        wire.decode(bad)
    raw = b'{"tree": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    bomb = wire.MAGIC + struct.pack(">I", len(raw)) + raw + struct.pack(">Q", 0)
    with pytest.raises(wire.WireError):
        wire.decode(bomb)


def test_extra_header_keys_are_refused():
    with pytest.raises(wire.WireError):
        wire.decode(frame({"t": "none"}, header_extra={"verdict": "passed"}))


def test_truncated_frames_are_refused_at_every_cut():
    data = wire.encode({"a": np.arange(4.0), "b": "text"})
    for cut in range(len(data)):
        with pytest.raises(wire.WireError):
            wire.decode(data[:cut])


def test_bytes_after_a_frame_and_a_wrong_magic_are_refused():
    data = wire.encode([1, 2])
    with pytest.raises(wire.WireError):
        wire.decode(data + b"\0")
    with pytest.raises(wire.WireError):
        wire.decode(data + data)
    with pytest.raises(wire.WireError):
        wire.decode(b"PKL1" + data[4:])


def test_oversized_header_and_payload_are_refused_before_reading_them():
    small = wire.Limits(header_bytes=150, payload_bytes=8)
    with pytest.raises(wire.WireError, match="header"):
        wire.decode(wire.encode("x" * 200), small)
    with pytest.raises(wire.WireError, match="payload"):
        wire.decode(wire.encode(np.zeros(2)), small)
    claims_huge = wire.MAGIC + struct.pack(">I", 2**32 - 1) + b"{}"
    with pytest.raises(wire.WireError):
        wire.decode(claims_huge)


def test_read_frame_splits_a_stream_of_frames():
    first, second = wire.encode(1), wire.encode("two")
    stream = first + second
    _header, _payload, used = wire.read_frame(stream)
    assert used == len(first)
    assert wire.decode(stream[used:]) == "two"
