"""Lesson figures: the checks every figure passes before it is stored or served.

A figure arrives from a course folder or an admin upload, so its bytes are untrusted
until checked here: the type is decided by the content (PNG signature, or an SVG root
element), never by the file name alone; size and dimensions are capped; an SVG must be
plain drawing (no scripts, event handlers, external references or entity tricks).
Nothing here touches the database.
"""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET
from dataclasses import dataclass

FIGURE_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,78}\.(png|svg)$")
# An image reference in a lesson that the course ships with the lesson.
FIGURE_SRC_PREFIX = "figures/"

MAX_PNG_BYTES = 2 * 1024 * 1024
MAX_SVG_BYTES = 512 * 1024
MAX_SIDE = 4096  # pixels (PNG) or user units (SVG)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
SVG_FORBIDDEN_TAGS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video"}
CONTENT_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


class FigureError(ValueError):
    """A figure that cannot be stored: the message names the problem."""


@dataclass(frozen=True)
class FigureInfo:
    content_type: str
    width: int
    height: int


def figure_check(name: str, data: bytes) -> FigureInfo:
    """Check a figure's name and bytes; return what it is, or raise `FigureError`."""
    match = FIGURE_NAME_RE.match(name)
    if match is None:
        raise FigureError(
            f"figure name {name!r}: use lower-case letters, digits, - and _, ending in .png or .svg"
        )
    if match.group(1) == "png":
        width, height = _png_size(data)
    else:
        width, height = _svg_size(data)
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise FigureError(f"{name}: {width}×{height} is outside 1…{MAX_SIDE} on a side")
    return FigureInfo(content_type=CONTENT_TYPES[match.group(1)], width=width, height=height)


def _png_size(data: bytes) -> tuple[int, int]:
    if len(data) > MAX_PNG_BYTES:
        raise FigureError(f"a PNG figure is at most {MAX_PNG_BYTES // 1024} KiB")
    # The IHDR chunk comes first: length 13, type, then width and height (big-endian).
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 33:
        raise FigureError("not a PNG file (the PNG signature or its IHDR header is missing)")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _svg_size(data: bytes) -> tuple[int, int]:
    if len(data) > MAX_SVG_BYTES:
        raise FigureError(f"an SVG figure is at most {MAX_SVG_BYTES // 1024} KiB")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise FigureError("an SVG figure must be UTF-8 text") from None
    # Entities are how XML files explode: none is needed to draw. A plain DOCTYPE line (as
    # Matplotlib writes) declares none; an internal subset "[...]" could, so it is refused.
    if re.search(r"<!ENTITY|<!DOCTYPE[^>]*\[", text, re.IGNORECASE):
        raise FigureError("an SVG figure may not declare entities")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise FigureError(f"not a well-formed SVG file ({exc})") from None
    if root.tag != f"{SVG_NS}svg":
        raise FigureError("not an SVG file (the root element is not <svg>)")
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in SVG_FORBIDDEN_TAGS:
            raise FigureError(f"an SVG figure may not contain <{tag}>")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                raise FigureError(f"an SVG figure may not carry event handlers ({local})")
            if attribute in ("href", XLINK_HREF) and not value.startswith(("#", "data:image/")):
                raise FigureError(f"an SVG figure may only link inside itself (href={value!r})")
    return _svg_length(root, "width"), _svg_length(root, "height")


def _svg_length(root: ET.Element, axis: str) -> int:
    value = root.get(axis)
    if value is None:
        viewbox = (root.get("viewBox") or "").replace(",", " ").split()
        if len(viewbox) != 4:
            raise FigureError(f"an SVG figure needs a {axis} or a viewBox")
        value = viewbox[2 if axis == "width" else 3]
    match = re.match(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(px|pt)?\s*$", value)
    if match is None:
        raise FigureError(f"an SVG figure's {axis} {value!r} is not a plain length")
    number = float(match.group(1)) * (4 / 3 if match.group(2) == "pt" else 1)
    return max(1, round(number))
